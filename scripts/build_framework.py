"""Writes data/framework/cge-ge.csv, the Contraloría's default five-area framework.

The CSV is the source of truth (it is what `egov init` loads and what an
analyst edits); this script only keeps its 140-odd rows consistent when the
wording of the levels changes. Run: python scripts/build_framework.py
"""

import csv
from pathlib import Path

FW = "CGE-GE"
OUT = Path(__file__).resolve().parent.parent / "data" / "framework" / "cge-ge.csv"

COLUMNS = ["marco", "tipo", "codigo", "area", "nombre", "nombre_en", "descripcion", "version", "peso",
           "escala_min", "escala_max", "nivel", "limite_inferior", "limite_superior", "herramienta",
           "estado_minimo", "grupo", "orden"]

LEVELS = [
    (0, "Inexistente", "Non-existent", "No existe {s}."),
    (1, "Inicial", "Initial", "{S} existe solo de manera informal o como borrador."),
    (2, "En desarrollo", "Developing",
     "{S} existe, pero está desactualizado, es parcial o no está formalizado."),
    (3, "Establecido", "Established", "{S} está formalizado, vigente y se aplica."),
    (4, "Optimizado", "Optimised",
     "{S} está formalizado y vigente, se le hace seguimiento y se mejora con sus resultados."),
]

AREAS = [
    ("PLAN", "Planificación institucional", "Institutional planning", [
        ("PLAN.1", "PIIGE aprobado formalmente y vigente", "PIIGE formally approved and current",
         "el Plan Institucional de Implementación de Gobierno Electrónico (PIIGE)"),
        ("PLAN.2", "PIIGE articulado con el PEI vigente", "PIIGE aligned with the PEI in force",
         "la articulación del PIIGE con el PEI vigente (2021–2025)"),
        ("PLAN.3", "Proyectos del PIIGE incorporados en el POA", "PIIGE projects in the POA",
         "la incorporación de los proyectos del PIIGE en el POA"),
        ("PLAN.4", "Seguimiento del PIIGE (DS 3251)", "Follow-up of the PIIGE (DS 3251)",
         "el seguimiento del PIIGE que exige el DS 3251"),
        ("PLAN.5", "Ejecución de los proyectos del plan", "Execution of the plan's projects",
         "la ejecución de los proyectos del plan"),
    ]),
    ("ORG", "Organización TIC", "ICT organisation", [
        ("ORG.1", "Unidad TIC con funciones en el MOF", "ICT unit with functions in the MOF",
         "la definición de la unidad TIC y sus funciones en el Manual de Organización y Funciones (MOF)"),
        ("ORG.2", "Perfiles del personal acordes a las necesidades", "Staff profiles fit the needs",
         "la correspondencia entre los perfiles del personal TIC y las necesidades"),
        ("ORG.3", "Procedimientos formales de la unidad TIC (RE-SOA)", "Formal procedures of the ICT unit",
         "el conjunto de procedimientos formales de la unidad TIC, conforme a su RE-SOA"),
        ("ORG.4", "Denominación uniforme de la unidad en documentos formales",
         "One consistent name for the unit in formal documents",
         "una denominación uniforme de la unidad TIC en los documentos formales"),
    ]),
    ("INFRA", "Infraestructura tecnológica", "Technological infrastructure", [
        ("INFRA.1", "Servidores y centro de datos", "Servers and data centre",
         "un centro de datos con servidores vigentes y redundancia"),
        ("INFRA.2", "Conectividad de oficinas (red, VPN)", "Office connectivity (network, VPN)",
         "la conectividad segura entre oficinas (red, VPN)"),
        ("INFRA.3", "Proyectos en la línea Infraestructura y Conectividad del PIGE",
         "Projects on the PIGE Infrastructure and Connectivity line",
         "una cartera de proyectos en la línea Infraestructura y Conectividad del PIGE"),
        ("INFRA.4", "PISI aprobado y disponible", "PISI approved and available",
         "el Plan Institucional de Seguridad de la Información (PISI)"),
        ("INFRA.5", "Respaldo y continuidad", "Backup and continuity",
         "un esquema de respaldo de información y continuidad de operaciones"),
    ]),
    ("PROC", "Procesos y trámites", "Processes and procedures", [
        ("PROC.1", "Manual de Procesos y Procedimientos (MPP) aprobado",
         "Manual of Processes and Procedures (MPP) approved",
         "el Manual de Procesos y Procedimientos (MPP)"),
        ("PROC.2", "MPP actualizado, con los sistemas que soportan cada procedimiento",
         "MPP up to date, naming the supporting IT systems",
         "la identificación en el MPP de los sistemas informáticos que soportan cada procedimiento"),
        ("PROC.3", "Trámites publicados y vigentes en el Portal de Trámites (DS 3525 art. 9)",
         "Procedures published and current on the Portal de Trámites",
         "la publicación actualizada de los trámites en el Portal de Trámites del Estado"),
        ("PROC.4", "Proporción de trámites disponibles en línea", "Share of procedures available online",
         "la oferta de trámites en línea"),
    ]),
]

TOOLS = [
    ("firma_digital", "Firma digital", "Digital signature",
     "Firma digital con certificados de la entidad certificadora (AGETIC desde el DS 5519)."),
    ("interoperabilidad", "Interoperabilidad", "Interoperability",
     "Intercambio de información con otras entidades mediante la plataforma de interoperabilidad del Estado."),
    ("pagos_electronicos", "Pagos electrónicos", "Electronic payments",
     "Cobros en línea mediante la pasarela de pagos del Estado o un contrato bancario."),
    ("ciudadania_digital", "Ciudadanía digital", "Digital citizenship",
     "Identidad digital del ciudadano para autenticarse en los servicios."),
    ("portal_tramites", "Portal de Trámites del Estado", "State procedures portal (gob.bo)",
     "Trámites publicados en gob.bo (DS 3525)."),
    ("notificaciones", "Notificaciones electrónicas", "Electronic notifications",
     "Notificación electrónica a la ciudadanía."),
    ("datos_abiertos", "Datos abiertos", "Open data", "Publicación de datos abiertos."),
    ("software_libre", "Software libre y estándares abiertos", "Free software and open standards",
     "Avance del Plan Institucional de Software Libre y Estándares Abiertos (PISLEA)."),
]

TOOL_LEVELS = [
    (0, "Ninguna", "None", "La entidad no usa {t}."),
    (1, "Planificada", "Planned", "El uso de {t} está planificado, aún sin funcionar."),
    (2, "Mecanismo propio", "Own mechanism",
     "{T} funciona mediante un mecanismo propio o bilateral, fuera de la plataforma del Estado."),
    (3, "Plataforma del Estado", "State platform", "{T} funciona mediante la plataforma del Estado."),
]

LADDER = [
    (0, "Sin herramientas", "No tools", "Ninguna herramienta mediante una plataforma del Estado.", []),
    (1, "Solo firma digital", "Digital signature only", "Firma digital mediante la plataforma del Estado.",
     [(1, "firma_digital")]),
    (2, "Servicios digitales", "Digital services",
     "Firma digital más pagos electrónicos o ciudadanía digital.",
     [(1, "firma_digital"), (2, "pagos_electronicos"), (2, "ciudadania_digital")]),
    (3, "Interoperabilidad parcial", "Partial interoperability",
     "Interoperabilidad en uso, sin todas las demás herramientas clave.", [(1, "interoperabilidad")]),
    (4, "Interoperabilidad plena", "Full interoperability",
     "Interoperabilidad, firma digital, pagos electrónicos y ciudadanía digital, todo por plataformas del Estado.",
     [(1, "interoperabilidad"), (2, "firma_digital"), (3, "pagos_electronicos"), (4, "ciudadania_digital")]),
]

BANDS = [("INICIAL", "Inicial", "Initial", 0, 25), ("DESARROLLO", "En desarrollo", "Developing", 25, 50),
         ("ESTABLECIDO", "Establecido", "Established", 50, 75), ("AVANZADO", "Avanzado", "Advanced", 75, 100)]


def row(**values):
    return {c: values.get(c, "") for c in COLUMNS}


def main() -> None:
    rows = [row(marco=FW, tipo="marco", nombre="Supervisión de Gobierno Electrónico — Contraloría General del Estado",
                nombre_en="E-government supervision — Comptroller General of the State",
                descripcion="Marco por defecto: cinco áreas de supervisión, criterios en escala 0–4 y "
                            "herramientas de gobierno electrónico en escala 0–3.",
                version="2024.1")]
    order = 0
    areas = AREAS + [("HERR", "Herramientas de gobierno electrónico", "E-government tools", None)]
    for a_order, (code, name, name_en, _) in enumerate(areas, 1):
        rows.append(row(marco=FW, tipo="area", codigo=code, nombre=name, nombre_en=name_en, peso=1, orden=a_order))
    for code, _, _, criteria in AREAS:
        for c_code, name, name_en, subject in criteria:
            order += 1
            rows.append(row(marco=FW, tipo="criterio", codigo=c_code, area=code, nombre=name, nombre_en=name_en,
                            descripcion=f"Se verifica {subject}.", peso=1, escala_min=0, escala_max=4, orden=order))
            for level, label, label_en, text in LEVELS:
                rows.append(row(marco=FW, tipo="nivel", codigo=c_code, nivel=level, nombre=label,
                                nombre_en=label_en, descripcion=text.format(s=subject, S=subject[0].upper() + subject[1:])))
    for t_order, (tool, name, name_en, desc) in enumerate(TOOLS, 1):
        order += 1
        c_code = f"HERR.{t_order}"
        rows.append(row(marco=FW, tipo="criterio", codigo=c_code, area="HERR", nombre=name, nombre_en=name_en,
                        descripcion=desc, peso=1, escala_min=0, escala_max=3, herramienta=tool, orden=order))
        subject = name[0].lower() + name[1:] if not name.startswith("Portal") else name
        for level, label, label_en, text in TOOL_LEVELS:
            rows.append(row(marco=FW, tipo="nivel", codigo=c_code, nivel=level, nombre=label, nombre_en=label_en,
                            descripcion=text.format(t=subject, T=name)))
    for t_order, (tool, name, name_en, desc) in enumerate(TOOLS, 1):
        rows.append(row(marco=FW, tipo="herramienta", codigo=tool, nombre=name, nombre_en=name_en,
                        descripcion=desc, orden=t_order))
    for b_order, (code, name, name_en, low, high) in enumerate(BANDS, 1):
        rows.append(row(marco=FW, tipo="banda", codigo=code, nombre=name, nombre_en=name_en,
                        limite_inferior=low, limite_superior=high, orden=b_order))
    for step, name, name_en, desc, reqs in LADDER:
        rows.append(row(marco=FW, tipo="escalon", nivel=step, nombre=name, nombre_en=name_en, descripcion=desc))
        for group, tool in reqs:
            rows.append(row(marco=FW, tipo="requisito", nivel=step, nombre=name, grupo=group, herramienta=tool,
                            estado_minimo="plataforma"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
