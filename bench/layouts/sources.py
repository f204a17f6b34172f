"""The resumes the layouts render: every corpus truth file plus synthetic resumes written here.

The synthetic people, employers and numbers are invented for this generator (phone numbers
from the ranges reserved for drama and fiction where one exists).
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.layouts.base import Resume

CORPUS_TRUTH = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "truth"

SYNTHETIC: dict[str, Resume] = {
    "synthetic_nurse": {
        "basics": {
            "name": "José Álvarez",
            "label": "Registered Nurse",
            "email": "jose.alvarez@example.com",
            "phone": "+44 20 7946 0958",
            "location": {"city": "London", "countryCode": "UK"},
            "summary": "Registered nurse with nine years on acute medical and emergency wards, "
            "calm under pressure and fluent in English and Spanish.",
        },
        "work": [
            {
                "name": "St Thomas’ Hospital",
                "position": "Senior Staff Nurse, Emergency Department",
                "location": "London",
                "startDate": "2019-04",
                "highlights": [
                    "Triage up to 40 patients per shift using the Manchester Triage System.",
                    "Mentored 12 newly qualified nurses through their preceptorship year.",
                    "Led the sepsis screening audit that raised compliance from 71% to 94%.",
                    "Coordinate handovers between emergency, radiology and admissions teams.",
                ],
            },
            {
                "name": "Hospital Universitario La Paz",
                "position": "Staff Nurse",
                "location": "Madrid, Spain",
                "startDate": "2015-09",
                "endDate": "2019-03",
                "highlights": ["Cared for 8–10 patients per shift on a 32-bed internal medicine ward."],
            },
            {
                "name": "Cruz Roja Española",
                "position": "Healthcare Assistant",
                "highlights": ["Supported vaccination clinics and home visits for elderly patients."],
            },
        ],
        "education": [
            {
                "institution": "Universidad Complutense de Madrid",
                "studyType": "Bachelor of Science",
                "area": "Nursing",
                "startDate": "2011",
                "endDate": "2015",
            }
        ],
        "skills": [
            {"name": "Clinical", "keywords": ["Triage", "IV therapy", "ECG interpretation", "Wound care"]},
            {"name": "Systems", "keywords": ["Epic", "Cerner"]},
        ],
        "certificates": [
            {"name": "Advanced Life Support", "issuer": "Resuscitation Council UK", "date": "2022-06"},
        ],
        "languages": [{"language": "Spanish", "fluency": "Native"}, {"language": "English", "fluency": "Fluent"}],
    },
    "synthetic_accountant": {
        "basics": {
            "name": "Margaret O’Neill",
            "label": "Chartered Accountant",
            "email": "m.oneill@example.org",
            "phone": "+353 1 555 0142",
            "url": "oneill-accounts.example.org",
            "location": {"city": "Dublin", "countryCode": "IE"},
            "profiles": [{"network": "LinkedIn", "username": "margaret-oneill"}],
        },
        "work": [
            {
                "name": "Harbour & Finch LLP",
                "position": "Senior Accountant",
                "location": "Dublin",
                "startDate": "2020-02",
                "highlights": [
                    "Own the month-end close for 14 entities, cutting it from 9 to 5 working days.",
                    "Prepare VAT, corporation tax and R&D tax credit returns worth €2.4M a year.",
                    "Built a reconciliation workbook that removed 30 hours of manual work a month.",
                    "Present monthly management accounts to the board and two lenders.",
                    "Supervise two junior accountants and one accounts payable clerk.",
                    "Led the migration from Sage 200 to NetSuite without a missed payroll.",
                ],
            },
            {
                "name": "Quayside Logistics Ltd",
                "position": "Assistant Accountant",
                "location": "Cork",
                "startDate": "2016-07",
                "endDate": "2020-01",
                "highlights": [
                    "Reconciled 22 bank accounts weekly and cleared a backlog of 600 items.",
                    "Prepared fixed asset registers and depreciation schedules for audit.",
                ],
            },
        ],
        "education": [
            {
                "institution": "University College Cork",
                "studyType": "Bachelor of Commerce",
                "area": "Accounting",
                "score": "First Class Honours",
                "startDate": "2012-09",
                "endDate": "2016-05",
            }
        ],
        "skills": [
            {"name": "Accounting", "keywords": ["IFRS", "FRS 102", "Consolidation", "Audit preparation"]},
            {"name": "Software", "keywords": ["NetSuite", "Sage 200", "Excel", "Power BI"]},
        ],
        "certificates": [
            {"name": "ACA Chartered Accountant", "issuer": "Chartered Accountants Ireland", "date": "2019"}
        ],
    },
    "synthetic_teacher": {
        "basics": {
            "name": "Aisha Rahman",
            "label": "Secondary School Science Teacher",
            "email": "aisha.rahman@example.net",
            "phone": "(555) 014-2271",
            "location": {"city": "Leeds", "region": "West Yorkshire"},
            "summary": "Chemistry and physics teacher who turns practical work into exam results.",
        },
        "work": [
            {
                "name": "Roundhay Academy",
                "position": "Head of Chemistry",
                "location": "Leeds",
                "startDate": "2021-09",
                "highlights": [
                    "Lead a department of five teachers and two technicians.",
                    "Raised GCSE chemistry grades 7–9 from 28% to 41% in two years.",
                    "Wrote the Key Stage 3 practical scheme now used across the trust.",
                ],
            },
            {
                "name": "Brigshaw High School",
                "position": "Science Teacher",
                "location": "Castleford",
                "startDate": "2016-09",
                "endDate": "2021-07",
                "highlights": ["Taught biology, chemistry and physics to students aged 11 to 16."],
            },
            {
                "name": "Leeds Museums",
                "position": "Volunteer Science Educator",
                "highlights": ["Ran weekend “Kitchen Chemistry” workshops for families."],
            },
        ],
        "education": [
            {
                "institution": "University of Leeds",
                "studyType": "PGCE",
                "area": "Secondary Science",
                "startDate": "2015",
                "endDate": "2016",
            },
            {
                "institution": "University of Sheffield",
                "studyType": "MChem",
                "area": "Chemistry",
                "startDate": "2011",
                "endDate": "2015",
            },
        ],
        "skills": [
            {"name": "Curriculum design"},
            {"name": "Differentiated instruction"},
            {"name": "Safeguarding"},
            {"name": "Google Classroom"},
        ],
        "awards": [{"title": "Teacher of the Year", "awarder": "White Rose Academies Trust", "date": "2023-07"}],
    },
    "synthetic_warehouse_lead": {
        "basics": {
            "name": "Tomasz Wiśniewski",
            "label": "Warehouse Team Lead",
            "email": "t.wisniewski@example.com",
            "phone": "+49 30 1234567",
            "location": {"city": "Berlin", "countryCode": "DE"},
        },
        "work": [
            {
                "name": "Nordlicht Logistik GmbH",
                "position": "Warehouse Team Lead",
                "location": "Berlin",
                "startDate": "2020-03",
                "highlights": [
                    "Run a night shift of 18 pickers, packers and forklift drivers.",
                    "Cut mis-picks by 37% by re-slotting 2,400 fast-moving SKUs.",
                    "Trained 25 colleagues on the new handheld scanners in one week.",
                    "Keep a 99.6% on-time dispatch rate across peak season.",
                    "Plan rotas, holiday cover and overtime within budget.",
                ],
            },
            {
                "name": "Spedition Kowalski",
                "position": "Forklift Operator",
                "location": "Poznań, Poland",
                "startDate": "2016",
                "endDate": "2020",
                "highlights": ["Loaded and unloaded up to 30 trucks per shift."],
            },
            {
                "name": "Lidl Distribution Centre",
                "position": "Order Picker",
                "location": "Poznań, Poland",
                "highlights": ["Picked chilled and frozen orders to a 98% accuracy target."],
            },
        ],
        "education": [
            {
                "institution": "Zespół Szkół Technicznych",
                "studyType": "Technician Diploma",
                "area": "Logistics",
                "endDate": "2015",
            }
        ],
        "skills": [
            {"name": "Equipment", "keywords": ["Forklift licence", "Reach truck", "Pallet jack"]},
            {"name": "Systems", "keywords": ["SAP EWM", "Handheld RF scanners"]},
        ],
        "certificates": [{"name": "Forklift Operator Licence", "issuer": "DEKRA", "date": "2017-05"}],
        "languages": [
            {"language": "Polish", "fluency": "Native"},
            {"language": "German", "fluency": "Professional"},
            {"language": "English", "fluency": "Good"},
        ],
    },
    "synthetic_data_scientist": {
        "basics": {
            "name": "Chen Wei-Ling",
            "label": "Data Scientist",
            "email": "weiling.chen@example.com",
            "phone": "+1 415 555 0199",
            "url": "weilingchen.example.com",
            "location": {"city": "San Francisco", "region": "CA"},
            "profiles": [
                {"network": "GitHub", "username": "wlchen"},
                {"network": "LinkedIn", "username": "weiling-chen"},
            ],
            "summary": "Data scientist who ships forecasting and experimentation systems. "
            "Six years of Python, SQL and causal inference in marketplaces.",
        },
        "work": [
            {
                "name": "Parcelly",
                "position": "Senior Data Scientist",
                "location": "San Francisco, CA",
                "startDate": "2022-01",
                "highlights": [
                    "Built a demand forecast (gradient boosting + hierarchical reconciliation) "
                    "that cut courier idle time by 12%.",
                    "Designed the A/B testing platform's variance reduction (CUPED), halving test durations.",
                    "Mentor three data scientists; run the weekly experiment review.",
                ],
            },
            {
                "name": "Tidewater Analytics",
                "position": "Data Scientist",
                "location": "Seattle, WA",
                "startDate": "2018-06",
                "endDate": "2021-12",
                "highlights": [
                    "Modelled churn for a telecom client with survival analysis; retained $3.1M ARR.",
                    "Wrote the team's SQL style guide and dbt models for 40 tables.",
                ],
            },
        ],
        "education": [
            {
                "institution": "University of Washington",
                "studyType": "Master of Science",
                "area": "Statistics",
                "score": "3.9",
                "startDate": "2016-09",
                "endDate": "2018-06",
            },
            {
                "institution": "National Taiwan University",
                "studyType": "Bachelor of Science",
                "area": "Mathematics",
                "startDate": "2012-09",
                "endDate": "2016-06",
            },
        ],
        "skills": [
            {"name": "Languages", "keywords": ["Python", "SQL", "R"]},
            {"name": "Machine learning", "keywords": ["scikit-learn", "LightGBM", "PyTorch"]},
            {"name": "Data", "keywords": ["dbt", "Spark", "BigQuery", "Airflow"]},
        ],
        "projects": [
            {
                "name": "causal-bench",
                "description": "Open-source benchmark of uplift models on public marketing data.",
                "startDate": "2023",
                "endDate": "2023",
            }
        ],
    },
    "synthetic_graphic_designer": {
        "basics": {
            "name": "Zoë Laurent-Brückner",
            "label": "Graphic Designer",
            "email": "zoe@example.design",
            "phone": "+33 1 23 45 67 89",
            "url": "zoelaurent.example.design",
            "location": {"city": "Lyon", "countryCode": "FR"},
            "profiles": [{"network": "Behance", "username": "zoelaurent"}],
            "summary": "Brand and editorial designer. I make identities that survive contact with real printers.",
        },
        "work": [
            {
                "name": "Atelier Quatre Vents",
                "position": "Lead Designer",
                "location": "Lyon",
                "startDate": "2021-05",
                "highlights": ["Rebranded a regional bakery chain of 26 shops, from logo to delivery vans."],
            },
            {
                "name": "Freelance",
                "position": "Graphic Designer",
                "highlights": [
                    "Designed book covers for three independent publishers.",
                    "Produced festival posters and signage for Nuits de Fourvière fringe events.",
                ],
            },
            {
                "name": "Studio Kranich",
                "position": "Junior Designer",
                "location": "Hamburg, Germany",
                "startDate": "2017-10",
                "endDate": "2021-04",
                "highlights": ["Laid out a 120-page quarterly magazine in InDesign for four years."],
            },
        ],
        "education": [
            {
                "institution": "École Émile Cohl",
                "studyType": "Diplôme",
                "area": "Graphic Design and Illustration",
                "startDate": "2013",
                "endDate": "2017",
            }
        ],
        "skills": [
            {"name": "Tools", "keywords": ["InDesign", "Illustrator", "Photoshop", "Figma"]},
            {"name": "Craft", "keywords": ["Typography", "Brand identity", "Prepress"]},
        ],
        "languages": [{"language": "French", "fluency": "Native"}, {"language": "German", "fluency": "Fluent"}],
        "awards": [{"title": "Type Directors Club Certificate of Excellence", "date": "2020"}],
    },
}


def load_sources(truth_dir: Path | None = None) -> dict[str, Resume]:
    """stem -> resume: every corpus truth file (sorted), then the synthetic resumes."""
    folder = truth_dir or CORPUS_TRUTH
    out: dict[str, Resume] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    out.update(SYNTHETIC)
    return out
