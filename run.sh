#!/usr/bin/env bash
# One entry point, two commands (see README.md):
#   ./run.sh app    set everything up, then start the chat app on http://127.0.0.1:7860
#   ./run.sh test   set everything up (Chromium from Debian included), then run the tests
# Anything after the command is passed on (to app.py or pytest).
set -euo pipefail
cd "$(dirname "$0")"
VENV="${QA_VENV:-.venv}"
PY="$VENV/bin/python"

setup_python() {
  if [ ! -x "$PY" ]; then
    echo "==> creating $VENV" >&2
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha256" want
  want="$(sha256sum requirements.txt | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0  # requirements unchanged since the last install
  fi
  # torch first, pinned: it is the CPU build on this machine's disk (a plain `torch` is CUDA, GBs)
  echo "==> installing Python packages (first run: several minutes; llama-cpp-python compiles)" >&2
  "$PY" -m pip install --quiet --disable-pip-version-check torch==2.13.0
  "$PY" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$want" > "$stamp"
}

setup_models() {
  # the default generator, fetched once into ~/.cache/policy-qa/models and SHA-256-verified;
  # the app itself never downloads (QA_ALLOW_DOWNLOADS is off at run time)
  "$PY" -m qa fetch >&2
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
    echo "==> installing Chromium from Debian" >&2
    local SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
}

cmd="${1:-}"
shift || true
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_DISABLE_TELEMETRY=1
case "$cmd" in
  app)
    setup_python
    setup_models
    exec "$PY" app.py "$@"
    ;;
  test)
    setup_python
    setup_browser
    setup_models
    exec "$PY" -m pytest "$@"
    ;;
  *)
    echo "usage: ./run.sh app|test [args…]" >&2
    exit 2
    ;;
esac
