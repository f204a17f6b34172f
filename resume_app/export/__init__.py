"""core.Resume (+ tailoring choices) -> a file: `render` is the one way in."""

from resume_app.export.render import MIME_TYPES, RECOMMENDED_PAGES, ExportFile, file_name, render

__all__ = ["MIME_TYPES", "RECOMMENDED_PAGES", "ExportFile", "file_name", "render"]
