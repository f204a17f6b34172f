#!/usr/bin/env bash
# Serve the app to many users on one machine: PostgreSQL, Redis, N backend replicas and
# nginx in front (see "Serving many users" in the README). Runs in the foreground; Ctrl-C
# or SIGTERM stops everything it started.
#   bash scripts/serve.sh [--replicas N] [--port P] [--data-dir D]
source "$(dirname "$0")/setup.sh"
bash "$ROOT/scripts/install_services.sh"
exec python -m resume_app.serving "$@"
