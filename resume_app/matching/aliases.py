"""Spellings that name the same skill: "k8s" is Kubernetes, "Postgres" is PostgreSQL,
"AP" is accounts payable. Keyword matching (keywords.py) and the lexical score of the
ranker (lexical.py) read any spelling of a group as any other.

One group per skill, the usual name first; groups by field so the list is easy to
maintain. An entry belongs here when the spellings are interchangeable in any resume or
posting of that field, never because one posting happens to need it. Left out on
purpose: spellings that are also plain English or mean something else in another field
("Go", "Node", "IT", "OR", "PM" as in 5 PM, "ED", "Word", "Excel", "Outlook"), since a match on them would be
wrong as often as right. Each spelling is at most 6 words (keywords._MAX_FORM).
Matching is by stems and case-insensitive, so plural and hyphenated forms need no entry
("electronic health records", "month-end close").
"""

from __future__ import annotations

ALIASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "software": (
        ("JavaScript", "JS"),
        ("TypeScript", "TS"),
        ("PostgreSQL", "Postgres", "psql"),
        ("MongoDB", "Mongo"),
        ("Microsoft SQL Server", "SQL Server", "MS SQL", "MSSQL"),
        ("Node.js", "NodeJS"),
        ("React", "React.js", "ReactJS"),
        ("Vue.js", "Vue", "VueJS"),
        ("Angular", "AngularJS"),
        ("C#", "C Sharp", "CSharp"),
        (".NET", "dotnet", "dot net"),
        ("Golang", "Go language"),
        ("object oriented programming", "OOP"),
        ("application programming interface", "API"),
        ("REST", "RESTful"),
        ("software development life cycle", "SDLC"),
        ("quality assurance", "QA"),
        ("user experience", "UX"),
        ("user interface", "UI"),
        ("optical character recognition", "OCR"),
    ),
    "cloud and infrastructure": (
        ("Kubernetes", "k8s"),
        ("Amazon Web Services", "AWS"),
        ("Google Cloud Platform", "GCP", "Google Cloud"),
        ("Microsoft Azure", "Azure"),
        ("Azure Kubernetes Service", "AKS"),
        ("Elastic Kubernetes Service", "EKS"),
        (
            "CI/CD",
            "CICD",
            "continuous integration continuous delivery",
            "continuous integration and continuous delivery",
            "continuous integration and continuous deployment",
            "continuous integration/continuous delivery",
        ),
        ("continuous integration", "CI"),
        ("continuous delivery", "CD", "continuous deployment"),
        ("infrastructure as code", "IaC"),
        ("site reliability engineering", "SRE"),
        ("software as a service", "SaaS"),
        ("virtual machine", "VM"),
        ("operating system", "OS"),
    ),
    "data": (
        ("machine learning", "ML"),
        ("artificial intelligence", "AI"),
        ("natural language processing", "NLP"),
        ("extract transform load", "ETL"),
        ("business intelligence", "BI"),
        ("Power BI", "PowerBI"),
        ("data warehouse", "DWH"),
    ),
    "accounting and finance": (
        ("generally accepted accounting principles", "GAAP", "US GAAP"),
        ("international financial reporting standards", "IFRS"),
        ("accounts payable", "AP", "A/P"),
        ("accounts receivable", "AR", "A/R"),
        ("general ledger", "GL"),
        ("certified public accountant", "CPA"),
        ("certified management accountant", "CMA"),
        ("profit and loss", "P&L", "P/L"),
        ("financial planning and analysis", "FP&A"),
        ("Sarbanes-Oxley", "SOX"),
        ("enterprise resource planning", "ERP"),
        ("QuickBooks", "QBO", "QuickBooks Online"),
        ("month end close", "month-end closing", "monthly close"),
    ),
    "office and administration": (
        ("Microsoft Office", "MS Office", "Office 365", "Microsoft 365", "M365"),
        ("Microsoft Excel", "MS Excel"),
        ("Microsoft Word", "MS Word"),
        ("Microsoft PowerPoint", "MS PowerPoint", "PowerPoint"),
        ("Microsoft Outlook", "MS Outlook"),
        ("Google Workspace", "G Suite", "GSuite"),
        ("human resources", "HR"),
        ("words per minute", "WPM"),
        ("paid time off", "PTO"),
        ("customer relationship management", "CRM"),
    ),
    "healthcare": (
        ("electronic health records", "EHR"),
        ("electronic medical records", "EMR"),
        ("HIPAA", "Health Insurance Portability and Accountability"),
        ("protected health information", "PHI"),
        ("registered nurse", "RN"),
        ("licensed practical nurse", "LPN"),
        ("certified nursing assistant", "CNA"),
        ("certified medical assistant", "CCMA"),
        ("basic life support", "BLS"),
        ("cardiopulmonary resuscitation", "CPR"),
        ("advanced cardiovascular life support", "ACLS"),
        ("intensive care unit", "ICU"),
        ("emergency department", "emergency room"),
    ),
    "sales and marketing": (
        ("business to business", "B2B"),
        ("business to consumer", "B2C"),
        ("search engine optimization", "SEO"),
        ("search engine marketing", "SEM"),
        ("pay per click", "PPC"),
        ("key performance indicators", "KPI", "KPIs"),
        ("return on investment", "ROI"),
        ("go to market", "GTM"),
        ("Salesforce", "SFDC", "Salesforce.com"),
        ("year over year", "YoY"),
        ("quarterly business review", "QBR"),
    ),
    "management and operations": (
        ("project management professional", "PMP"),
        ("product requirements document", "PRD"),
        ("minimum viable product", "MVP"),
        ("objectives and key results", "OKR", "OKRs"),
        ("standard operating procedures", "SOP", "SOPs"),
        ("warehouse management system", "WMS"),
        ("third party logistics", "3PL"),
        ("stock keeping unit", "SKU", "SKUs"),
        ("Occupational Safety and Health Administration", "OSHA"),
    ),
}


def alias_groups() -> list[tuple[str, ...]]:
    """Every group of interchangeable spellings, the usual name first."""
    return [group for groups in ALIASES.values() for group in groups]
