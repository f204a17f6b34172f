"""The Reflex app and its routes."""

import reflex as rx

from resume_app.storage.db import engine as open_database
from resume_app.ui.pages.editor import editor_page
from resume_app.ui.pages.library import library_page
from resume_app.ui.state.editor import EditorState
from resume_app.ui.state.library import LibraryState

app = rx.App()
# Apply migrations when the server starts, not on the first request.
app.register_lifespan_task(open_database)
app.add_page(library_page, route="/", title="Your resumes | resume_app", on_load=LibraryState.load)
app.add_page(editor_page, route="/resume/[resume_id]", title="Edit resume | resume_app", on_load=EditorState.load)
