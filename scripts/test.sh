#!/usr/bin/env bash
# Set up (once) and run every test: lint, unit, storage and browser tests.
source "$(dirname "$0")/setup.sh"
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! command -v soffice >/dev/null; then
  # The page-budget test opens the fitted DOCX in LibreOffice (soffice --convert-to pdf).
  echo "setup: installing Debian's LibreOffice Writer (no GUI) for the DOCX page-count test"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi
# PostgreSQL, Redis and nginx: the scale-out and fault tests start their own instances.
bash "$(dirname "$0")/install_services.sh"
# The text-accounting tests import every generated layout family (bench/layouts): TeX Live,
# fonts and RenderCV's own virtualenv. Idempotent: a second run only checks.
bash "$(dirname "$0")/setup_layouts.sh"
ruff check .
ruff format --check .
exec pytest "$@"
