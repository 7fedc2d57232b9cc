-- 004: hardening (issue 20).
--
-- Sign-in attempts counted in the store, not in a server's memory: every
-- server sharing the store counts together and a restart forgets nothing.
-- One row per user name ('name') and per browser address ('address'); an
-- attempt first takes a slot (attempts + 1) in one statement that refuses
-- once the window holds `limit` slots, so a burst of parallel tries
-- evaluates at most that many passwords. Kept out of the audit log's data
-- digests: it changes on every failed try, not by anyone's decision.
CREATE TABLE sign_in_throttle (
    scope         VARCHAR NOT NULL CHECK (scope IN ('name', 'address')),
    subject       VARCHAR NOT NULL,
    window_start  TIMESTAMP NOT NULL,
    attempts      INTEGER NOT NULL CHECK (attempts >= 0),
    PRIMARY KEY (scope, subject)
);

-- The audit log becomes keyed (HMAC-SHA256 with a key kept outside the
-- store) and each entry records a digest of the data tables as the change
-- left them. Entries written before this migration keep their unkeyed
-- SHA-256 chain and are verified with that rule: `audit_legacy` records how
-- many there were, so no later entry can claim the old rule.
ALTER TABLE audit_log ADD COLUMN hash_rule VARCHAR DEFAULT 'sha256';
UPDATE audit_log SET hash_rule = 'sha256';
ALTER TABLE audit_log ADD COLUMN data_digest VARCHAR;  -- JSON text: PostgreSQL through the attach has no JSON type

CREATE TABLE audit_legacy (
    upto_seq INTEGER NOT NULL CHECK (upto_seq >= 0)
);
INSERT INTO audit_legacy SELECT coalesce(max(seq), 0) FROM audit_log;
