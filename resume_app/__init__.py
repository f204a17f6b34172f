"""resume_app: a local-first resume tailoring app."""
