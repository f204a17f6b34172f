"""The Reflex app and its routes."""

import reflex as rx

from resume_app.storage.db import engine as open_database
from resume_app.tailoring.embedding import start_model_load
from resume_app.ui.pages.editor import editor_page
from resume_app.ui.pages.library import library_page
from resume_app.ui.pages.tailor import tailor_page
from resume_app.ui.state.editor import EditorState
from resume_app.ui.state.library import LibraryState
from resume_app.ui.state.saving import on_backend_error
from resume_app.ui.state.tailor import TailorState
from resume_app.web_guard import harden

# `harden` wraps pages and API alike: upload size limit and security headers.
app = rx.App(
    stylesheets=["/app.css"],
    html_lang="en",
    api_transformer=harden,
    # A database outage in an event is a sentence to the person, not "An error occurred".
    backend_exception_handler=on_backend_error,
)
# Apply migrations when the server starts, not on the first request.
app.register_lifespan_task(open_database)
# The matching model loads on a thread while the server already serves pages.
app.register_lifespan_task(start_model_load)
app.add_page(library_page, route="/", title="Your resumes | resume_app", on_load=LibraryState.load)
app.add_page(editor_page, route="/resume/[resume_id]", title="Edit resume | resume_app", on_load=EditorState.load)
app.add_page(tailor_page, route="/tailor/[version_id]", title="Tailor resume | resume_app", on_load=TailorState.load)
