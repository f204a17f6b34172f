import os

import reflex as rx

from resume_app.instance import hold_web_dir

# `reflex run` from this checkout serves the pages it builds into .web: a second one on
# another port would rebuild them for its own port (resume_app/instance.py).
hold_web_dir()

# The app is private to one machine: it listens on 127.0.0.1 unless RESUME_APP_HOST asks
# for another address (0.0.0.0: all interfaces).
HOST = os.environ.get("RESUME_APP_HOST", "127.0.0.1")
# The one port pages and API share (`reflex run --single-port --frontend-port N` sets it).
PORT = os.environ.get("REFLEX_FRONTEND_PORT") or os.environ.get("PORT") or "3000"
# The origins (scheme://host:port) the pages are opened from; other machines' addresses
# only when RESUME_APP_ORIGINS names them (comma-separated), e.g. with RESUME_APP_HOST=0.0.0.0.
ORIGINS = [f"http://localhost:{PORT}", f"http://127.0.0.1:{PORT}"] + [
    origin.strip().rstrip("/") for origin in os.environ.get("RESUME_APP_ORIGINS", "").split(",") if origin.strip()
]

config = rx.Config(
    app_name="resume_app",
    # Nothing leaves the machine: no telemetry.
    telemetry_enabled=False,
    show_built_with_reflex=False,
    backend_host=HOST,
    # Only the app's own pages may call its API and websocket with the user's cookies.
    cors_allowed_origins=ORIGINS,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="medium"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
