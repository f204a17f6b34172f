#!/usr/bin/env bash
# Set up (once) and start the app at http://localhost:3000 on the embedded defaults:
# a SQLite file under ~/.local/share/resume_app and the bundled embedding model.
source "$(dirname "$0")/setup.sh"
exec reflex run --env prod --single-port --frontend-port "${PORT:-3000}"
