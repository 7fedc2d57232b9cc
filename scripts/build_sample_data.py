"""Writes the sample data under data/sample/ in the import formats.

- entidades.csv: real Bolivian public entities (from shared/data, with sources);
- digemig/: the real DIGEMIG assessment of report K3/GP445/S24-G1 (12/12/2024),
  scored area by area as the report supports it;
- demo/: a SYNTHETIC demonstration set (seeded, reproducible): about 40 real
  entities over three rounds, covering every ladder step and maturity band,
  with recommendation life cycles (acceptance, schedule, rescheduling,
  progress notes, follow-up ratings) in every stage. DIGEMIG is never in it:
  its real report has no deadline, acceptance or follow-up. `egov demo` loads it marked as
  synthetic; `egov demo --remove` takes it away.

Run: python scripts/build_sample_data.py [path/to/entidades-bolivia.csv]
"""

from __future__ import annotations

import csv
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "sample"
FW = "CGE-GE"
ROUNDS = ["2022", "2023", "2024"]
DIGEMIG_REPORT = "K3/GP445/S24-G1"

CRITERIA = {
    "PLAN": ["PLAN.1", "PLAN.2", "PLAN.3", "PLAN.4", "PLAN.5"],
    "ORG": ["ORG.1", "ORG.2", "ORG.3", "ORG.4"],
    "INFRA": ["INFRA.1", "INFRA.2", "INFRA.3", "INFRA.4", "INFRA.5"],
    "PROC": ["PROC.1", "PROC.2", "PROC.3", "PROC.4"],
}
# Criteria added in framework version 2025.1, scored from their own generator so that the draws above
# (and every earlier figure of the demonstration set) stay as they were.
NEW_CRITERIA = {"PLAN": ["PLAN.6", "PLAN.7", "PLAN.8"], "ORG": ["ORG.5"], "INFRA": ["INFRA.6"]}
TOOLS = ["firma_digital", "interoperabilidad", "pagos_electronicos", "ciudadania_digital",
         "portal_tramites", "notificaciones", "datos_abiertos", "software_libre"]
PARTNERS = ["SEGIP", "Servicio de Impuestos Nacionales", "SERECI", "Policía Boliviana", "Aduana Nacional",
            "Ministerio de Relaciones Exteriores", "Ministerio de Justicia y Transparencia Institucional",
            "Dirección General de Migración", "Registro Único para la Administración Tributaria Municipal",
            "Caja Nacional de Salud", "SEPREC", "Gestora Pública"]

DEPARTMENTS = {"GAD-LPZ": "La Paz", "GAD-SCZ": "Santa Cruz", "GAD-CBB": "Cochabamba", "GAR-GCH": "Tarija",
               "LPZ": "La Paz", "ELLA": "La Paz", "SCZ": "Santa Cruz", "CBB": "Cochabamba", "SUC": "Chuquisaca",
               "CHIY": "Santa Cruz", "UMSA": "La Paz", "UMSS": "Cochabamba", "UAGRM": "Santa Cruz",
               "UPEA": "La Paz"}


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for r in rows:
            writer.writerow({c: r.get(c, "") for c in columns})
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def entity_code(acronym: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", acronym.upper()).strip("-")


def gov_level(nivel: str, tipo: str) -> str:
    nivel = nivel.lower()
    if nivel.startswith("central"):
        return "descentralizada" if "descentralizada" in tipo.lower() else "central"
    return {"empresa pública": "empresa_publica", "autonomía indígena": "indigena"}.get(nivel, nivel)


def build_entities(source: Path) -> list[dict]:
    rows = []
    with source.open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            code = entity_code(r["sigla"])
            parent = r["dependencia_o_tuicion"]
            rows.append({"entidad": code, "nombre": r["nombre"], "sigla": r["sigla"], "sector": r["sector"],
                         "nivel": gov_level(r["nivel"], r["tipo_entidad"]), "tipo_entidad": r["tipo_entidad"],
                         "departamento": DEPARTMENTS.get(code, ""),
                         "dependencia": "" if parent == "—" else parent, "fuente": r["fuente"]})
    return rows


# --- DIGEMIG, from the seed report -------------------------------------------------------------
# The seed is an OCR copy of the executive summary. Its texts are recorded as issued; only OCR artefacts are
# corrected (lost accents and tildes, «Electrénico» → «Electrónico», «gjecuta» → «ejecuta», «Ciudania» →
# «Ciudadanía», «propoésito» → «propósito», «disefio» → «diseño», «dilucidon» → «dilución», «Ila» → «la»,
# bullets read as «e»/«o»); words, capitals, quotation marks and punctuation stay as the seed has them.
D = {"entidad": "DIGEMIG", "periodo": "2024", "marco": FW}
DG = {"entidad": "DIGEMIG", "gestion": "2024", "marco": FW}
DIGEMIG_ISSUED = "12/12/2024"
DIGEMIG_REFERENCE = ("Supervisión a las acciones realizadas para mejorar los trámites y/o servicios prestados a la "
                     "ciudadanía en el marco de la normativa de Gobierno Electrónico")
DIGEMIG_OBJECTIVE = ("Evaluar las acciones realizadas por la Dirección General de Migración, para mejorar los "
                     "trámites y/o servicios prestados a la Ciudadanía orientados a la calidad, eficacia y "
                     "transparencia en el marco de la Normativa del Gobierno Electrónico establecida y vigente.")
DIGEMIG_OBJECT = (
    "Las acciones realizadas por la DIGEMIG para mejorar los trámites y/o servicios que presta a la ciudadanía. "
    "Para lo cual, se examinaron y verificaron los siguientes aspectos institucionales que coadyuvan a este "
    "propósito:\n"
    "• La Planificación Institucional, respecto a la verificación de la articulación del Plan Institucional de "
    "Implementación de Gobierno Electrónico (PIIGE), aprobado formalmente, con el Plan Estratégico Institucional "
    "(PEI) y el Plan Operativo Anual (POA) para el periodo 2021 — 2025.\n"
    "• La formalización del diseño organizacional definido para el ámbito de TIC a través de la revisión del "
    "Manual de Organización y Funciones (MOF).\n"
    "• La Infraestructura Tecnológica con la que cuenta la DIGEMIG.\n"
    "• Los procesos, trámites y/o servicios que la DIGEMIG presta a la ciudadanía, establecidas en el Manual de "
    "Procesos y Procedimientos (MPP) aprobado.\n"
    "• La integración de Herramientas de Gobierno Electrónico, dentro de procesos, trámites y/o servicios que la "
    "DIGEMIG ejecuta o presta a la ciudadanía.")
DIGEMIG_RESULTS = {
    "PLAN": ("La Dirección General de Migración cuenta con un “Plan de Gobierno Electrónico 2018-2025, aprobado en "
             "la gestión 2019. Sin embargo, este plan está vinculado al PEI 2016-2020 y no ha sido actualizado para "
             "alinearse con el PEI 2021-2025, ni se ha realizado el seguimiento según lo establece el Decreto "
             "Supremo N° 3251. Asimismo, los dos proyectos contemplados en el plan, “Trámites Migratorios en "
             "Línea” y “Generación de Indicadores Migratorios”, han sido ejecutados en la gestión 2019, como se "
             "expone en el apartado “6.1 Respecto a la Planificación Institucional”."),
    "ORG": ("El Área de Sistemas de la Dirección General de Migración tiene funciones que respalda la gestión de "
            "las TIC. Su estructura organizacional facilita la implementación de mejoras tecnológicas en la "
            "administración pública además de contar con personal con perfil acorde a sus necesidades; sin "
            "embargo, carece de procedimientos formales que respalden sus tareas, lo que genera riesgos que "
            "pueden afectar la calidad, eficiencia y cumplimiento de las tareas asignadas por falta de control. "
            "Además, hay inconsistencias en la denominación del área en documentos formales, lo que puede dar "
            "lugar a una dilución de responsabilidades."),
    "INFRA": ("La DIGEMIG cuenta con una infraestructura tecnológica destinada a la gestión de sistemas "
              "migratorios, con una red que asegura la conectividad de sus oficinas mediante VPNs. La "
              "infraestructura incluye servidores de diferentes generaciones y equipos de red que facilitan la "
              "integración de los sistemas. La entidad sigue los lineamientos generales del Plan de Implementación "
              "de Gobierno Electrónico (PIGE), aunque no ha implementado proyectos específicos en la línea de "
              "Infraestructura y Conectividad. Durante la supervisión, no se pudo obtener el Plan Institucional de "
              "Seguridad de la Información (PISI), pese a la solicitud realizada."),
    "PROC": ("En relación a los trámites, se concluye que, aunque estos están formalizados en el Manual de "
             "Procesos y Procedimientos de la DIGEMIG, aprobado por Resolución Ministerial, se identificaron "
             "procedimientos desactualizados, especialmente en lo referente a la especificación de los sistemas "
             "informáticos de apoyo."),
    "HERR": ("En cuanto a la implementación de Herramientas de Gobierno Electrónico, la Dirección General de "
             "Migración, sólo aplica la Firma Digital para su trámite de Certificaciones Apostilladas. "
             "Independientemente, ha establecido relaciones interinstitucionales para intercambiar información "
             "mediante interoperabilidad con instituciones como la Dirección General de la Fuerza Especial de "
             "Lucha contra el Narcotráfico, Ministerio de Justicia y Transparencia Interinstitucional, Ministerio "
             "de Relaciones Exteriores, Policía Boliviana y el Servicio General de Identificación Personal. "
             "Además, DIGEMIG tiene un contrato con el Banco Unión para gestionar servicios de cobranza, tanto "
             "físicos como electrónicos."),
}


def quoted(sentence: str, note: str = "") -> str:
    """Evidence that quotes the report: «sentence» (tests check every quote against the stored report)."""
    return f"Informe K3/GP445/S24-G1: «{sentence}»" + (f" — {note}" if note else "")


SILENT = "El informe no se pronuncia sobre este criterio."
# Each score agrees with the framework's descriptor for its level (0 no existe; 1 informal o borrador;
# 2 existe pero desactualizado, parcial o no formalizado; 3 formalizado, vigente y se aplica; 4 con seguimiento).
DIGEMIG_SCORES = [
    ("PLAN.1", 2, quoted("cuenta con un “Plan de Gobierno Electrónico 2018-2025, aprobado en la gestión 2019. "
                         "Sin embargo, este plan está vinculado al PEI 2016-2020",
                         "Aprobado pero desactualizado: nivel 2.")),
    ("PLAN.2", 0, quoted("no ha sido actualizado para alinearse con el PEI 2021-2025",
                         "No existe la articulación con el PEI vigente: nivel 0.")),
    ("PLAN.3", None, SILENT),
    ("PLAN.4", 0, quoted("ni se ha realizado el seguimiento según lo establece el Decreto Supremo N° 3251",
                         "No existe el seguimiento: nivel 0.")),
    ("PLAN.5", 3, quoted("los dos proyectos contemplados en el plan, “Trámites Migratorios en Línea” y "
                         "“Generación de Indicadores Migratorios”, han sido ejecutados en la gestión 2019",
                         "Ejecutados; sin seguimiento ni mejora: nivel 3.")),
    ("ORG.1", 3, quoted("El Área de Sistemas de la Dirección General de Migración tiene funciones que respalda la "
                        "gestión de las TIC.")),
    ("ORG.2", 3, quoted("además de contar con personal con perfil acorde a sus necesidades")),
    ("ORG.3", 0, quoted("carece de procedimientos formales que respalden sus tareas",
                        "No existen procedimientos formales: nivel 0.")),
    ("ORG.4", 0, quoted("hay inconsistencias en la denominación del área en documentos formales",
                        "No existe una denominación uniforme: nivel 0.")),
    ("INFRA.1", None, quoted("La infraestructura incluye servidores de diferentes generaciones",
                             "El informe no se pronuncia sobre su vigencia ni su redundancia: desconocido.")),
    ("INFRA.2", 3, quoted("con una red que asegura la conectividad de sus oficinas mediante VPNs")),
    ("INFRA.3", 0, quoted("aunque no ha implementado proyectos específicos en la línea de Infraestructura y "
                          "Conectividad", "No existen proyectos en esa línea: nivel 0.")),
    ("INFRA.4", "limitacion", quoted("Durante la supervisión, no se pudo obtener el Plan Institucional de Seguridad "
                                     "de la Información (PISI), pese a la solicitud realizada.",
                                     "Limitación al alcance: ni un 0 ni un desconocido.")),
    ("INFRA.5", None, SILENT),
    ("PROC.1", 2, quoted("aunque estos están formalizados en el Manual de Procesos y Procedimientos de la DIGEMIG, "
                         "aprobado por Resolución Ministerial, se identificaron procedimientos desactualizados",
                         "Aprobado pero desactualizado: nivel 2.")),
    ("PROC.2", 2, quoted("se identificaron procedimientos desactualizados, especialmente en lo referente a la "
                         "especificación de los sistemas informáticos de apoyo",
                         "Existe pero desactualizado: nivel 2.")),
    ("PROC.3", None, SILENT + " La recomendación 6 pide mantener actualizada la información en el Portal de "
                              "Trámites del Estado, sin un resultado que describa su estado."),
    ("PROC.4", None, SILENT),
]
DIGEMIG_PISI_REQUEST = ("PISI solicitado durante la supervisión; el informe no indica el número ni la fecha de la "
                        "nota de solicitud.")
# Criteria of the framework version 2025.1, where the report speaks to them (and where it is silent).
DIGEMIG_SCORES_2025_1 = [
    ("PLAN.6", None, SILENT), ("PLAN.7", None, SILENT), ("PLAN.8", None, SILENT),
    ("ORG.5", 3, quoted("Su estructura organizacional facilita la implementación de mejoras tecnológicas en la "
                        "administración pública")),
    ("INFRA.6", 3, quoted("La entidad sigue los lineamientos generales del Plan de Implementación de Gobierno "
                          "Electrónico (PIGE)")),
]
DIGEMIG_PARTNERS = ("Dirección General de la Fuerza Especial de Lucha contra el Narcotráfico | Ministerio de "
                    "Justicia y Transparencia Interinstitucional | Ministerio de Relaciones Exteriores | "
                    "Policía Boliviana | Servicio General de Identificación Personal")
DIGEMIG_TOOLS = [
    ("firma_digital", "plataforma", 1, "Trámite de Certificaciones Apostilladas.", "",
     quoted("sólo aplica la Firma Digital para su trámite de Certificaciones Apostilladas.")),
    ("interoperabilidad", "propia", "", "Relaciones interinstitucionales para intercambiar información mediante "
     "interoperabilidad. El informe las introduce con «instituciones como»: la lista puede no estar completa.",
     DIGEMIG_PARTNERS,
     quoted("Independientemente, ha establecido relaciones interinstitucionales para intercambiar información "
            "mediante interoperabilidad con instituciones como")),
    ("pagos_electronicos", "propia", "", "Contrato con el Banco Unión para servicios de cobranza físicos y "
     "electrónicos.", "",
     quoted("DIGEMIG tiene un contrato con el Banco Unión para gestionar servicios de cobranza, tanto físicos como "
            "electrónicos.")),
    ("ciudadania_digital", "ninguna", "", "", "",
     quoted("sólo aplica la Firma Digital", "Ninguna otra herramienta por las plataformas del Estado.")),
]
# Findings: condición as issued; criterio where the report names the rule; causa where it says (it never
# does here); efecto as issued.
DIGEMIG_FINDINGS = [
    ("PLAN", "este plan está vinculado al PEI 2016-2020 y no ha sido actualizado para alinearse con el PEI "
             "2021-2025", "", ""),
    ("PLAN", "ni se ha realizado el seguimiento según lo establece el Decreto Supremo N° 3251",
     "Decreto Supremo N° 3251", ""),
    ("ORG", "carece de procedimientos formales que respalden sus tareas", "RE-SOA",
     "lo que genera riesgos que pueden afectar la calidad, eficiencia y cumplimiento de las tareas asignadas por "
     "falta de control"),
    ("ORG", "hay inconsistencias en la denominación del área en documentos formales", "",
     "lo que puede dar lugar a una dilución de responsabilidades"),
    ("INFRA", "no ha implementado proyectos específicos en la línea de Infraestructura y Conectividad",
     "Plan de Implementación de Gobierno Electrónico (PIGE)", ""),
    ("PROC", "se identificaron procedimientos desactualizados, especialmente en lo referente a la especificación "
             "de los sistemas informáticos de apoyo", "RE-SOA", ""),
    ("HERR", "sólo aplica la Firma Digital para su trámite de Certificaciones Apostilladas", "", ""),
]
RE_SOA = "En el marco de su RE-SOA:"
# (area, heading as issued, text as issued, findings answered, editorial correction, its note)
DIGEMIG_RECOMMENDATIONS = [
    ("PLAN", "", "Actualizar su Plan de Implementación de Gobierno Electrónico para que esté articulado al Plan "
                 "Estratégico Institucional 2021 - 2025 en vigencia.", "1", "", ""),
    ("PLAN", "", "En el marco de lo establecido en el Decreto Supremo N° 3251 del 12 de julio de 2017, realizar "
                 "seguimientos a su Plan Institucional de Gobierno Electrónico.", "2", "", ""),
    ("ORG", RE_SOA, "Diseñar y formalizar procesos y procedimientos del “Área de Sistemas”.", "3", "", ""),
    ("PROC", RE_SOA, "Actualizar los procesos y procedimientos aplicados en los trámites para asegurar una correcta "
                     "identificación de los sistemas informáticos utilizados.", "6", "", ""),
    ("ORG", "", "Actualizar la documentación formal de la Dirección General de Migración, para que figure "
                "correctamente el nombre del “Área de Sistemas”.", "4", "", ""),
    ("PROC", "", "En el marco de lo establecido en Artículo 9 (PORTAL DE TRAMITES DEL ESTADO) del Decreto Supremo "
                 "N° 3525, mantener actualizado información correspondiente a sus trámites en el Portal de trámites "
                 "del Estado.", "",
     "En el marco de lo establecido en el Artículo 9 (Portal de Trámites del Estado) del Decreto Supremo N° 3525, "
     "mantener actualizada la información correspondiente a sus trámites en el Portal de Trámites del Estado.",
     "Corrección editorial (artículo y concordancia); el texto emitido se conserva como está."),
]

SCORE_COLS = ["entidad", "periodo", "marco", "criterio", "puntaje", "estado", "evidencia", "informe", "fecha_emision",
              "solicitud", "fecha_solicitud"]
TOOL_COLS = ["entidad", "periodo", "marco", "herramienta", "estado", "tramites", "alcance", "socios", "evidencia"]
REC_COLS = ["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto", "fecha_limite", "grupo",
            "hallazgos", "texto_corregido", "nota_correccion"]
FOLLOW_COLS = ["entidad", "informe", "numero", "fecha", "estado", "evidencia", "informe_seguimiento",
               "fecha_informe_seguimiento", "gestion_seguimiento"]
REPORT_COLS = ["entidad", "gestion", "marco", "informe", "referencia", "objetivo", "objeto", "alcance",
               "periodo_examinado", "fecha_emision", "unidad_emisora", "tipo_trabajo"]
RESULT_COLS = ["entidad", "informe", "area", "resultado"]
FINDING_COLS = ["entidad", "gestion", "marco", "informe", "numero", "area", "condicion", "criterio", "causa",
                "efecto"]
ACCEPT_COLS = ["entidad", "informe", "numero", "fecha_recepcion", "decision", "fecha_decision", "motivos",
               "firmante", "cargo_firmante"]
SCHEDULE_COLS = ["entidad", "informe", "numero", "revision", "fecha_presentacion", "acciones", "responsable",
                 "plazo", "motivo"]


def _score_rows(scores) -> list[dict]:
    rows = []
    for code, score, evidence in scores:
        status = "limitacion" if score == "limitacion" else ("desconocido" if score is None else "evaluado")
        rows.append({**D, "criterio": code, "puntaje": score if status == "evaluado" else "", "estado": status,
                     "evidencia": evidence, "informe": DIGEMIG_REPORT, "fecha_emision": DIGEMIG_ISSUED,
                     "solicitud": DIGEMIG_PISI_REQUEST if status == "limitacion" else ""})
    return rows


def build_digemig() -> None:
    """The real report, faithfully: its record, scores that quote it, findings, recommendations as issued.

    No deadline, acceptance or follow-up: the report gives none, and none is invented.
    """
    report = [{**DG, "informe": DIGEMIG_REPORT, "referencia": DIGEMIG_REFERENCE, "objetivo": DIGEMIG_OBJECTIVE,
               "objeto": DIGEMIG_OBJECT, "fecha_emision": DIGEMIG_ISSUED, "tipo_trabajo": "Supervisión"}]
    results = [{"entidad": "DIGEMIG", "informe": DIGEMIG_REPORT, "area": a, "resultado": text}
               for a, text in DIGEMIG_RESULTS.items()]
    tools = [{**D, "herramienta": t, "estado": st, "tramites": n, "alcance": scope, "socios": partners,
              "evidencia": ev} for t, st, n, scope, partners, ev in DIGEMIG_TOOLS]
    findings = [{**DG, "informe": DIGEMIG_REPORT, "numero": i, "area": a, "condicion": cond, "criterio": crit,
                 "efecto": effect} for i, (a, cond, crit, effect) in enumerate(DIGEMIG_FINDINGS, 1)]
    recs = [{**D, "informe": DIGEMIG_REPORT, "tipo": "recomendacion", "numero": i, "area": a, "texto": text,
             "grupo": heading, "hallazgos": answers, "texto_corregido": corrected, "nota_correccion": note}
            for i, (a, heading, text, answers, corrected, note) in enumerate(DIGEMIG_RECOMMENDATIONS, 1)]
    write(OUT / "digemig" / "informes.csv", REPORT_COLS, report)
    write(OUT / "digemig" / "resultados.csv", RESULT_COLS, results)
    write(OUT / "digemig" / "puntajes.csv", SCORE_COLS, _score_rows(DIGEMIG_SCORES + DIGEMIG_SCORES_2025_1))
    write(OUT / "digemig" / "herramientas.csv", TOOL_COLS, tools)
    write(OUT / "digemig" / "hallazgos.csv", FINDING_COLS, findings)
    write(OUT / "digemig" / "recomendaciones.csv", REC_COLS, recs)


# --- the synthetic demonstration set --------------------------------------------------------------
FINDING_TEXT = {
    "PLAN": "El PIIGE no está articulado con el PEI vigente o carece de seguimiento.",
    "ORG": "La unidad TIC no cuenta con procedimientos formales aprobados.",
    "INFRA": "No se evidenció un PISI aprobado ni un esquema de continuidad.",
    "PROC": "El MPP no identifica los sistemas informáticos que soportan los trámites.",
    "HERR": "La entidad usa pocas herramientas de gobierno electrónico mediante las plataformas del Estado.",
}
REC_TEXT = {
    "PLAN": "Actualizar el PIIGE, articularlo al PEI vigente e incorporar sus proyectos en el POA.",
    "ORG": "Diseñar y formalizar los procedimientos de la unidad TIC en el marco de su RE-SOA.",
    "INFRA": "Aprobar el PISI y remitirlo al CGII de la AGETIC.",
    "PROC": "Actualizar el MPP y mantener vigentes los trámites en el Portal de Trámites del Estado.",
    "HERR": "Integrar sus trámites a la plataforma de interoperabilidad y a Ciudadanía Digital.",
}
# Ladder targets in the last round: (platform tools) for steps 0..4, plus own mechanisms beside them.
LADDER_PROFILES = [
    ({}, {"pagos_electronicos": "propia"}),
    ({"firma_digital": "plataforma"}, {"interoperabilidad": "propia"}),
    ({"firma_digital": "plataforma", "pagos_electronicos": "plataforma"}, {}),
    ({"firma_digital": "plataforma", "ciudadania_digital": "plataforma"}, {"pagos_electronicos": "propia"}),
    ({"interoperabilidad": "plataforma", "firma_digital": "plataforma"}, {}),
    ({"interoperabilidad": "plataforma", "firma_digital": "plataforma", "pagos_electronicos": "plataforma"},
     {"ciudadania_digital": "planificada"}),
    ({"interoperabilidad": "plataforma", "firma_digital": "plataforma", "pagos_electronicos": "plataforma",
      "ciudadania_digital": "plataforma"}, {}),
]


def clamp(value: float, low: int = 0, high: int = 4) -> int:
    return max(low, min(high, int(round(value))))


def build_demo(entities: list[dict]) -> None:
    rng = random.Random(20241212)
    extra = random.Random(20250101)  # the 2025.1 criteria only
    chosen = [e for e in entities if e["entidad"] != "DIGEMIG"][:41]
    scores, tools, recs, follow, accept, schedule = [], [], [], [], [], []
    counter = 0
    cycle_rng = random.Random(20250101)  # life cycles draw apart, so the scores stay those of earlier versions
    today = date(2026, 11, 24)
    for index, entity in enumerate(chosen):
        code = entity["entidad"]
        # Spread the latent maturity evenly so that every band is represented.
        base = 0.4 + 3.3 * (index % 11) / 10 + rng.uniform(-0.3, 0.3)
        trend = rng.choice([-0.35, 0.0, 0.25, 0.4, 0.6])
        area_bias = {a: rng.uniform(-0.9, 0.9) for a in CRITERIA}
        profile = LADDER_PROFILES[(index * 3) % len(LADDER_PROFILES)]
        for r_index, period in enumerate(ROUNDS):
            level = base + trend * (r_index - 2)
            report = f"K3/GP{400 + index}/S{period[2:]}-G{r_index + 1}"
            issued = date(int(period), rng.randint(9, 12), rng.randint(1, 28))
            common = {"entidad": code, "periodo": period, "marco": FW}
            for area, criteria in CRITERIA.items():
                for criterion in criteria:
                    roll = rng.random()
                    if roll < 0.03:
                        scores.append({**common, "criterio": criterion, "estado": "desconocido",
                                       "evidencia": "Documento no proporcionado a la comisión.",
                                       "informe": report, "fecha_emision": issued.strftime("%d/%m/%Y")})
                        continue
                    value = clamp(level + area_bias[area] + rng.uniform(-1.0, 1.0))
                    scores.append({**common, "criterio": criterion, "puntaje": value, "estado": "evaluado",
                                   "evidencia": f"Datos sintéticos de demostración (nivel {value}).",
                                   "informe": report, "fecha_emision": issued.strftime("%d/%m/%Y")})
            for area, criteria in NEW_CRITERIA.items():
                for criterion in criteria:
                    value = clamp(level + area_bias[area] + extra.uniform(-1.0, 1.0))
                    scores.append({**common, "criterio": criterion, "puntaje": value, "estado": "evaluado",
                                   "evidencia": f"Datos sintéticos de demostración (nivel {value}).",
                                   "informe": report, "fecha_emision": issued.strftime("%d/%m/%Y")})
            # Tools: the profile is reached in the last round; earlier rounds lag one notch.
            platform, own = profile
            for tool in TOOLS:
                status = platform.get(tool) or own.get(tool)
                if status is None:
                    status = "planificada" if rng.random() < 0.3 else "ninguna"
                if r_index < 2 and status == "plataforma" and rng.random() < 0.5 - 0.2 * r_index:
                    status = "propia" if tool in ("interoperabilidad", "pagos_electronicos") else "planificada"
                row = {**common, "herramienta": tool, "estado": status,
                       "tramites": rng.randint(1, 25) if status in ("propia", "plataforma") else 0,
                       "alcance": "Datos sintéticos de demostración."}
                if tool == "interoperabilidad" and status in ("propia", "plataforma"):
                    partners = rng.sample([p for p in PARTNERS if p != entity["nombre"]], rng.randint(1, 4))
                    row["socios"] = " | ".join(partners)
                tools.append(row)
            # Findings and recommendations on the weakest areas, each with a full life cycle.
            weakest = sorted(CRITERIA, key=lambda a: area_bias[a])[:2] + (["HERR"] if not platform else [])
            for number, area in enumerate(weakest, 1):
                recs.append({**common, "informe": report, "tipo": "hallazgo", "numero": number, "area": area,
                             "texto": FINDING_TEXT[area]})
                recs.append({**common, "informe": report, "tipo": "recomendacion", "numero": number,
                             "area": area, "texto": REC_TEXT[area], "hallazgos": str(number)})
                scenario = LIFE_CYCLES[counter % len(LIFE_CYCLES)] if r_index == 2 else \
                    LIFE_CYCLES[3 + counter % (len(LIFE_CYCLES) - 3)]
                counter += 1
                spend_former_draws(rng, r_index, issued, today)
                life_cycle(cycle_rng, scenario, code, report, number, issued, today, accept, schedule, follow)
    write(OUT / "demo" / "puntajes.csv", SCORE_COLS[:9], scores)
    write(OUT / "demo" / "herramientas.csv", TOOL_COLS, tools)
    write(OUT / "demo" / "recomendaciones.csv", REC_COLS, recs)
    write(OUT / "demo" / "aceptacion.csv", ACCEPT_COLS, accept)
    write(OUT / "demo" / "cronograma.csv", SCHEDULE_COLS, schedule)
    write(OUT / "demo" / "seguimiento.csv", FOLLOW_COLS, follow)


# Every stage of the follow-up practice appears in the demonstration set. The first three
# (no acceptance yet, not accepted, accepted without a schedule) are given to the latest round only.
LIFE_CYCLES = ["sin_aceptar", "no_aceptada", "sin_cronograma", "en_plazo", "plazo_vencido", "cumplida",
               "parcialmente_cumplida", "no_cumplida", "no_aplicable", "reprogramada_cumplida"]
DEMO_NOTE = "Datos sintéticos de demostración."


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def spend_former_draws(rng: random.Random, r_index: int, issued: date, today: date) -> None:
    """Make the draws the former follow-up generator made, so the demonstration scores and tools that follow
    (and every figure tests and the README quote from them) stay exactly as they were."""
    rng.choice([180, 270, 365] if r_index < 2 else [540, 730, 900])
    path = rng.choice([["en_proceso", "cumplida"], ["en_proceso"], ["en_proceso", "parcialmente_cumplida"],
                       ["en_proceso", "no_cumplida"], ["cumplida"], ["no_aplicable"], [],
                       ["en_proceso", "cumplida", "en_proceso"]])
    when = issued
    for _ in path:
        when = when + timedelta(days=rng.randint(60, 200))
        if when >= today:
            break


def life_cycle(rng: random.Random, scenario: str, code: str, report: str, number: int, issued: date, today: date,
               accept: list, schedule: list, follow: list) -> None:
    """One synthetic recommendation's record: receipt, acceptance, schedule, progress notes and ratings."""
    if scenario == "sin_aceptar":
        return
    key = {"entidad": code, "informe": report, "numero": number}
    received = issued + timedelta(days=rng.randint(2, 8))
    decided = received + timedelta(days=rng.randint(5, 14))
    decision = "no_aceptada" if scenario == "no_aceptada" else "aceptada"
    accept.append({**key, "fecha_recepcion": _d(received), "decision": decision, "fecha_decision": _d(decided),
                   "motivos": "La entidad considera que la recomendación excede sus competencias. " + DEMO_NOTE
                   if decision == "no_aceptada" else "",
                   "firmante": "Máxima Autoridad Ejecutiva (sintética)", "cargo_firmante": "MAE"})
    if scenario in ("no_aceptada", "sin_cronograma"):
        return
    filed = decided + timedelta(days=rng.randint(5, 14))
    if scenario == "en_plazo":
        deadline = date(2027, rng.randint(3, 12), rng.randint(1, 28))
    else:
        deadline = filed + timedelta(days=rng.choice([180, 270, 365]))
        deadline = min(deadline, today - timedelta(days=rng.randint(40, 120)))
    schedule.append({**key, "revision": 1, "fecha_presentacion": _d(filed),
                     "acciones": "Acciones previstas en el cronograma. " + DEMO_NOTE,
                     "responsable": "Unidad de Sistemas", "plazo": _d(deadline)})
    if scenario == "reprogramada_cumplida":
        moved = deadline - timedelta(days=rng.randint(60, 120))
        schedule[-1]["plazo"] = _d(moved)
        schedule.append({**key, "revision": 2, "fecha_presentacion": _d(moved - timedelta(days=15)),
                         "acciones": "Acciones reprogramadas. " + DEMO_NOTE, "responsable": "Unidad de Sistemas",
                         "plazo": _d(deadline), "motivo": "Cambio normativo (DS 5519). " + DEMO_NOTE})
    progress = filed + timedelta(days=rng.randint(30, 90))
    if progress < min(today, deadline):
        follow.append({**key, "fecha": _d(progress), "estado": "en_proceso",
                       "evidencia": "Informe de avance de la entidad. " + DEMO_NOTE})
    if scenario in ("en_plazo", "plazo_vencido"):
        return
    offset = rng.randint(10, 35)
    rated = deadline + timedelta(days=offset)
    if rated > today:
        rated = today
    rating = "cumplida" if scenario == "reprogramada_cumplida" else scenario
    # Met on time: the entity reports it done before the deadline (a progress note «cumplida», from which the
    # compliance index dates it) and the Contraloría's follow-up report rates it later. A rescheduled one is met
    # within its new deadline; of the others, those whose offset is even. No extra draw: every other date stays.
    if rating == "cumplida" and (scenario == "reprogramada_cumplida" or offset % 2 == 0):
        follow.append({**key, "fecha": _d(deadline - timedelta(days=offset)), "estado": "cumplida",
                       "evidencia": "La entidad informa la recomendación cumplida y remite el respaldo. " + DEMO_NOTE})
    evidence = {"no_aplicable": "La recomendación dejó de aplicar por cambio normativo (DS 5519). " + DEMO_NOTE,
                "cumplida": "Documento aprobado remitido a la Contraloría. " + DEMO_NOTE}.get(rating, DEMO_NOTE)
    follow.append({**key, "fecha": _d(rated), "estado": rating, "evidencia": evidence,
                   "informe_seguimiento": f"SEG-{report}-{number}", "fecha_informe_seguimiento": _d(rated),
                   "gestion_seguimiento": str(rated.year)})


def build_declarations() -> None:
    """Self-assessments (fuente «declarado») for a third of the synthetic entities in their last round.

    Synthetic entities only, never DIGEMIG (its report is real and gives no self-assessment). Each
    declares a score for every criterion the demonstration verifies, the verified level or up to two
    levels above it (entities overstate more than they understate), so the official index stays the
    verified one and the gap between the two has something to show. Its own seed: the rest of the
    demonstration set does not move.
    """
    rng = random.Random(1616)
    with (OUT / "demo" / "puntajes.csv").open(encoding="utf-8") as handle:
        verified = list(csv.DictReader(handle))
    last = {}
    for r in verified:
        last[r["entidad"]] = max(last.get(r["entidad"], ""), r["periodo"])
    chosen = sorted(last)[::3]
    rows = []
    for r in verified:
        if r["entidad"] in chosen and r["periodo"] == last[r["entidad"]] and r["estado"] == "evaluado":
            value = min(4, int(float(r["puntaje"])) + rng.choice((0, 0, 1, 1, 2)))
            rows.append({"entidad": r["entidad"], "periodo": r["periodo"], "marco": r["marco"],
                         "criterio": r["criterio"], "puntaje": value, "estado": "evaluado",
                         "evidencia": "Autoevaluación sintética de demostración.", "fuente": "declarado"})
    write(OUT / "demo" / "autoevaluacion.csv",
          ["entidad", "periodo", "marco", "criterio", "puntaje", "estado", "evidencia", "fuente"], rows)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "entidades-bolivia.csv"
    entities = build_entities(source)
    write(OUT / "entidades.csv", ["entidad", "nombre", "sigla", "sector", "nivel", "tipo_entidad", "departamento",
                                  "dependencia", "fuente"], entities)
    build_digemig()
    build_demo(entities)
    build_declarations()


if __name__ == "__main__":
    main()
