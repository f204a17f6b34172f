#!/usr/bin/env bash
# Tools for the layout generator (bench/generate_layouts.py); none of them go into the app's venv.
#   - Debian: chromium (HTML families), poppler-utils (--check), fonts (DejaVu, Liberation,
#     OpenSymbol for private-use icon glyphs), TeX Live with moderncv (LaTeX families, ~300 MB).
#   - PyPI: RenderCV 2.3 in its own virtualenv .cache/tools/rendercv-venv (RenderCV families).
# Idempotent: a second run checks and returns at once. Needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium poppler-utils fonts-dejavu-core fonts-liberation fonts-opensymbol
          texlive-latex-extra texlive-latex-recommended texlive-fonts-recommended lmodern)
missing=()
for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

VENV=.cache/tools/rendercv-venv
if ! "$VENV/bin/python" -c "import rendercv.api, phonenumbers, typst" 2>/dev/null; then
    # RenderCV 2.4+ needs Python 3.12; 2.3 is the newest that runs on the project's 3.11.
    PY=$(command -v python3.11 || command -v python3)
    "$PY" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q "rendercv[full]==2.3"
fi
echo "layout tools ready"
