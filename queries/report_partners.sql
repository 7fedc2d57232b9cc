-- The institutions one entity exchanges information with in one round, and
-- through which channel (the state platform or a bilateral agreement).
SELECT partner_name, partner_code, channel
FROM interop_partner
WHERE entity_code = $entity AND period = $period AND framework_code = $framework
ORDER BY channel DESC, partner_name
