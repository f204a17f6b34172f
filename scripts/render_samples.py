"""Render the README's sample pages: a fictional resume exported to DOCX, converted to
PDF by LibreOffice (Debian's libreoffice-writer-nogui) and to PNG by pdftoppm.

Run: .venv/bin/python scripts/render_samples.py   (writes docs/export-docx-page1.png)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resume_app.core import json_resume  # noqa: E402
from resume_app.export.docx import resume_to_docx  # noqa: E402

SAMPLE = {
    "basics": {
        "name": "Priya Raman",
        "email": "priya.raman@example.com",
        "phone": "(312) 555-0147",
        "location": {"city": "Chicago", "region": "IL"},
        "summary": "Data analyst who turns messy operational data into decisions people act on.",
    },
    "work": [
        {
            "name": "Globex Corporation",
            "position": "Senior Data Analyst",
            "location": "Chicago, IL",
            "startDate": "2019-03",
            "highlights": [
                "Built a churn model that cut cancellations by 12% in the first two quarters",
                "Automated 40 weekly reports with Python and SQL, saving analysts 15 hours a week",
                "Led a team of 3 analysts through the move from spreadsheets to dbt and Tableau",
            ],
        },
        {
            "name": "Initech LLC",
            "position": "Operations Analyst",
            "location": "Milwaukee, WI",
            "startDate": "2016-06",
            "endDate": "2019-02",
            "highlights": [
                "Reduced shipping errors by 30% across 3 warehouses with a daily exceptions report",
                "Forecast seasonal staffing within 5% for 2 years running",
            ],
        },
    ],
    "education": [
        {
            "institution": "University of Illinois Chicago",
            "studyType": "Bachelor of Science",
            "area": "Statistics",
            "startDate": "2012",
            "endDate": "2016",
        }
    ],
    "skills": [
        {"name": "Languages", "keywords": ["Python", "SQL", "R"]},
        {"name": "Tools", "keywords": ["Tableau", "dbt", "Airflow", "Excel"]},
    ],
}


def main() -> None:
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sample.docx"
        source.write_bytes(resume_to_docx(json_resume.from_json_resume(SAMPLE)))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)], check=True)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                str(Path(folder) / "sample.pdf"),
                str(docs / "export-docx-page"),
            ],
            check=True,
        )
    print(f"wrote {docs / 'export-docx-page-1.png'}")


if __name__ == "__main__":
    main()
