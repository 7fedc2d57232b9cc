"""Writes the sample data under data/sample/ in the import formats.

- entidades.csv: real Bolivian public entities (from shared/data, with sources);
- digemig/: the real DIGEMIG assessment of report K3/GP445/S24-G1 (12/12/2024),
  scored area by area as the report supports it;
- demo/: a SYNTHETIC demonstration set (seeded, reproducible): about 40 real
  entities over three rounds, covering every ladder step and maturity band,
  with follow-up histories in every status. `egov demo` loads it marked as
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
D = {"entidad": "DIGEMIG", "periodo": "2024", "marco": FW}
DIGEMIG_SCORES = [
    ("PLAN.1", 2, "Plan de Gobierno Electrónico 2018–2025 aprobado en la gestión 2019, vinculado al PEI 2016–2020."),
    ("PLAN.2", 1, "El plan no fue actualizado para alinearse con el PEI 2021–2025."),
    ("PLAN.3", None, "El informe no se pronuncia sobre la inscripción de los proyectos en el POA."),
    ("PLAN.4", 0, "No se realizó el seguimiento que establece el DS 3251."),
    ("PLAN.5", 3, "Los dos proyectos del plan («Trámites Migratorios en Línea» y «Generación de Indicadores "
                  "Migratorios») fueron ejecutados en la gestión 2019."),
    ("ORG.1", 3, "El Área de Sistemas tiene funciones que respaldan la gestión de las TIC."),
    ("ORG.2", 3, "Cuenta con personal con perfil acorde a sus necesidades."),
    ("ORG.3", 0, "Carece de procedimientos formales que respalden sus tareas."),
    ("ORG.4", 1, "Inconsistencias en la denominación del área en documentos formales."),
    ("INFRA.1", 2, "Servidores de diferentes generaciones destinados a los sistemas migratorios."),
    ("INFRA.2", 3, "Red que asegura la conectividad de sus oficinas mediante VPN."),
    ("INFRA.3", 0, "No implementó proyectos específicos en la línea Infraestructura y Conectividad del PIGE."),
    ("INFRA.4", 0, "No se pudo obtener el PISI durante la supervisión, pese a la solicitud realizada."),
    ("INFRA.5", None, "El informe no se pronuncia sobre respaldo y continuidad."),
    ("PROC.1", 3, "Trámites formalizados en el MPP aprobado por Resolución Ministerial."),
    ("PROC.2", 1, "Procedimientos desactualizados, en especial en la especificación de los sistemas de apoyo."),
    ("PROC.3", 2, "Se recomienda mantener actualizada la información de sus trámites en el Portal de Trámites "
                  "del Estado (DS 3525 art. 9)."),
    ("PROC.4", 2, "Proyecto «Trámites Migratorios en Línea» ejecutado en 2019."),
]
DIGEMIG_TOOLS = [
    ("firma_digital", "plataforma", 1, "Solo en el trámite de Certificaciones Apostilladas.", ""),
    ("interoperabilidad", "propia", 0, "Relaciones interinstitucionales bilaterales de intercambio de información.",
     "Dirección General de la Fuerza Especial de Lucha contra el Narcotráfico (FELCN) | Ministerio de Justicia y "
     "Transparencia Institucional | Ministerio de Relaciones Exteriores | Policía Boliviana | "
     "Servicio General de Identificación Personal (SEGIP)"),
    ("pagos_electronicos", "propia", "", "Contrato con el Banco Unión para servicios de cobranza físicos y "
                                         "electrónicos.", ""),
    ("ciudadania_digital", "ninguna", 0, "El informe indica que solo aplica la Firma Digital.", ""),
]
DIGEMIG_FINDINGS = [
    ("PLAN", "El Plan de Gobierno Electrónico 2018–2025, aprobado en 2019, está vinculado al PEI 2016–2020, no fue "
             "actualizado para alinearse con el PEI 2021–2025 ni se realizó su seguimiento según el DS 3251."),
    ("ORG", "El Área de Sistemas carece de procedimientos formales que respalden sus tareas, y su denominación "
            "es inconsistente en los documentos formales."),
    ("INFRA", "No se implementaron proyectos en la línea Infraestructura y Conectividad del PIGE y no se pudo "
              "obtener el PISI pese a la solicitud realizada."),
    ("PROC", "El MPP, aprobado por Resolución Ministerial, tiene procedimientos desactualizados, en especial en la "
             "especificación de los sistemas informáticos de apoyo."),
    ("HERR", "Solo aplica la Firma Digital (Certificaciones Apostilladas); la interoperabilidad es bilateral y la "
             "cobranza electrónica se realiza mediante un contrato con el Banco Unión."),
]
DIGEMIG_RECOMMENDATIONS = [
    ("PLAN", "Actualizar su Plan de Implementación de Gobierno Electrónico para que esté articulado al Plan "
             "Estratégico Institucional 2021–2025 en vigencia."),
    ("PLAN", "En el marco de lo establecido en el Decreto Supremo N° 3251 del 12 de julio de 2017, realizar "
             "seguimientos a su Plan Institucional de Gobierno Electrónico."),
    ("ORG", "En el marco de su RE-SOA, diseñar y formalizar procesos y procedimientos del «Área de Sistemas»."),
    ("PROC", "En el marco de su RE-SOA, actualizar los procesos y procedimientos aplicados en los trámites para "
             "asegurar una correcta identificación de los sistemas informáticos utilizados."),
    ("ORG", "Actualizar la documentación formal de la Dirección General de Migración, para que figure "
            "correctamente el nombre del «Área de Sistemas»."),
    ("PROC", "En el marco de lo establecido en el Artículo 9 (Portal de Trámites del Estado) del Decreto Supremo "
             "N° 3525, mantener actualizada la información correspondiente a sus trámites en el Portal de "
             "Trámites del Estado."),
]
# The report does not state due dates; these are the sample's assumption (one year after issue).
DIGEMIG_DUE = "12/12/2025"

SCORE_COLS = ["entidad", "periodo", "marco", "criterio", "puntaje", "estado", "evidencia", "informe", "fecha_emision"]
TOOL_COLS = ["entidad", "periodo", "marco", "herramienta", "estado", "tramites", "alcance", "socios", "evidencia"]
REC_COLS = ["entidad", "periodo", "marco", "informe", "tipo", "numero", "area", "texto", "fecha_limite"]
FOLLOW_COLS = ["entidad", "informe", "numero", "fecha", "estado", "evidencia"]


def build_digemig() -> None:
    scores = [{**D, "criterio": c, "puntaje": "" if s is None else s,
               "estado": "evaluado" if s is not None else "desconocido", "evidencia": ev,
               "informe": DIGEMIG_REPORT, "fecha_emision": "12/12/2024"} for c, s, ev in DIGEMIG_SCORES]
    tools = [{**D, "herramienta": t, "estado": st, "tramites": n, "alcance": scope, "socios": partners}
             for t, st, n, scope, partners in DIGEMIG_TOOLS]
    recs = [{**D, "informe": DIGEMIG_REPORT, "tipo": "hallazgo", "numero": i, "area": a, "texto": text}
            for i, (a, text) in enumerate(DIGEMIG_FINDINGS, 1)]
    recs += [{**D, "informe": DIGEMIG_REPORT, "tipo": "recomendacion", "numero": i, "area": a, "texto": text,
              "fecha_limite": DIGEMIG_DUE} for i, (a, text) in enumerate(DIGEMIG_RECOMMENDATIONS, 1)]
    write(OUT / "digemig" / "puntajes.csv", SCORE_COLS, scores)
    write(OUT / "digemig" / "herramientas.csv", TOOL_COLS, tools)
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
    scores, tools, recs, follow = [], [], [], []
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
            # Findings and recommendations on the weakest areas, followed up in later dates.
            weakest = sorted(CRITERIA, key=lambda a: area_bias[a])[:2] + (["HERR"] if not platform else [])
            for number, area in enumerate(weakest, 1):
                recs.append({**common, "informe": report, "tipo": "hallazgo", "numero": number, "area": area,
                             "texto": FINDING_TEXT[area]})
                # The latest round's schedules run 18 to 30 months, so some are still within term.
                due = issued + timedelta(days=rng.choice([180, 270, 365] if r_index < 2 else [540, 730, 900]))
                recs.append({**common, "informe": report, "tipo": "recomendacion", "numero": number,
                             "area": area, "texto": REC_TEXT[area], "fecha_limite": due.strftime("%d/%m/%Y")})
                follow.extend(history(rng, code, report, number, issued, due, today))
    # DIGEMIG's follow-up after the real report is synthetic too.
    issued = date(2024, 12, 12)
    for number in range(1, len(DIGEMIG_RECOMMENDATIONS) + 1):
        follow.extend(history(rng, "DIGEMIG", DIGEMIG_REPORT, number, issued, date(2025, 12, 12), today))
    write(OUT / "demo" / "puntajes.csv", SCORE_COLS, scores)
    write(OUT / "demo" / "herramientas.csv", TOOL_COLS, tools)
    write(OUT / "demo" / "recomendaciones.csv", REC_COLS, recs)
    write(OUT / "demo" / "seguimiento.csv", FOLLOW_COLS, follow)


def history(rng: random.Random, code: str, report: str, number: int, issued: date, due: date,
            today: date) -> list[dict]:
    """A plausible status history: pendiente at issue, then progress, sometimes a step back."""
    rows = [{"entidad": code, "informe": report, "numero": number, "fecha": issued.strftime("%d/%m/%Y"),
             "estado": "pendiente", "evidencia": "Recomendación aceptada; cronograma presentado."}]
    when = issued
    path = rng.choice([
        ["en_proceso", "cumplida"], ["en_proceso"], ["en_proceso", "parcialmente_cumplida"],
        ["en_proceso", "no_cumplida"], ["cumplida"], ["no_aplicable"], [], ["en_proceso", "cumplida", "en_proceso"],
    ])
    for status in path:
        when = when + timedelta(days=rng.randint(60, 200))
        if when >= today:
            break
        evidence = {"no_aplicable": "La recomendación dejó de aplicar por cambio normativo (DS 5519).",
                    "cumplida": "Documento aprobado remitido a la Contraloría."}.get(status, "Informe de avance.")
        rows.append({"entidad": code, "informe": report, "numero": number, "fecha": when.strftime("%d/%m/%Y"),
                     "estado": status, "evidencia": evidence})
    return rows


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "entidades-bolivia.csv"
    entities = build_entities(source)
    write(OUT / "entidades.csv", ["entidad", "nombre", "sigla", "sector", "nivel", "tipo_entidad", "departamento",
                                  "dependencia", "fuente"], entities)
    build_digemig()
    build_demo(entities)


if __name__ == "__main__":
    main()
