"""Scale-out mode (`scripts/serve.sh`): PostgreSQL, Redis, N backend replicas of the app and
nginx in front of them, started, watched and stopped together. Runs the app as separate
processes (`reflex run --backend-only`); imports none of the UI."""
