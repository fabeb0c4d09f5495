#!/usr/bin/env bash
# One entry point, two commands (see README.md):
#   ./run.sh app    set everything up, then start the chat app on http://127.0.0.1:7860
#   ./run.sh test   set everything up (Chromium from Debian included), then run the tests
#   ./run.sh llama-server [args…]   opt-in: build llama.cpp's own server (parallel slots) from the
#                   sources llama-cpp-python vendors, then serve the default model with it
# Anything after the command is passed on (to app.py or pytest).
set -euo pipefail
cd "$(dirname "$0")"
VENV="${QA_VENV:-.venv}"
PY="$VENV/bin/python"

# llama.cpp is compiled for this CPU's vector extensions but never for AMX: a native build
# (-march=native) on a CPU with AMX (Sapphire Rapids and later, this project's machines among
# them) takes ggml's AMX path, which crashes the first forward pass of a Q4_K_M model
# (segmentation fault; ggml-org/llama.cpp#20824). AVX2 at least; AVX-512 where the CPU has it
# (twice as fast here as AVX2 alone).
llama_cmake_args() {
  [ "$(uname -m)" = "x86_64" ] || return 0
  local flags args="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null) "
  case "$flags" in *" avx_vnni "*) args="$args -DGGML_AVX_VNNI=ON" ;; esac
  case "$flags" in *" avx512f "*) args="$args -DGGML_AVX512=ON" ;; esac
  case "$flags" in *" avx512vbmi "*) args="$args -DGGML_AVX512_VBMI=ON" ;; esac
  case "$flags" in *" avx512_vnni "*) args="$args -DGGML_AVX512_VNNI=ON" ;; esac
  case "$flags" in *" avx512_bf16 "*) args="$args -DGGML_AVX512_BF16=ON" ;; esac
  echo "$args"
}
LLAMA_CMAKE_ARGS="$(llama_cmake_args)"

setup_python() {
  if [ ! -x "$PY" ]; then
    echo "==> creating $VENV" >&2
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha256" want llama llama_stamp="$VENV/.llama-build"
  want="$(sha256sum requirements.txt | cut -d' ' -f1)"
  llama="$(grep -o '^llama-cpp-python[^ #]*' requirements.txt)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    # torch first, pinned: it is the CPU build on this machine's disk (a plain `torch` is CUDA, GBs)
    echo "==> installing Python packages (first run: several minutes)" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check torch==2.13.0
    grep -v '^llama-cpp-python' requirements.txt > "$VENV/.requirements-no-llama.txt"
    "$PY" -m pip install --quiet --disable-pip-version-check -r "$VENV/.requirements-no-llama.txt"
    echo "$want" > "$stamp"
  fi
  if [ "$(cat "$llama_stamp" 2>/dev/null)" != "$llama $LLAMA_CMAKE_ARGS" ]; then
    # compiled here with the flags above, never from pip's wheel cache (which may hold a wheel
    # compiled with other flags)
    echo "==> compiling llama-cpp-python (first run: ~4–11 min on 2 cores)" >&2
    "$PY" -m pip uninstall --quiet --yes llama-cpp-python >/dev/null 2>&1 || true
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$PY" -m pip install --quiet --disable-pip-version-check --no-cache-dir "$llama"
    echo "$llama $LLAMA_CMAKE_ARGS" > "$llama_stamp"
  fi
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

setup_llama_server() {
  # llama.cpp's llama-server, built once from the llama.cpp sources in llama-cpp-python's sdist
  # (PyPI; the same version as installed) into ~/.cache/policy-qa/llama-server (~10 min on 2 cores)
  LLAMA_SERVER="${XDG_CACHE_HOME:-$HOME/.cache}/policy-qa/llama-server/bin/llama-server"
  [ -x "$LLAMA_SERVER" ] && return 0
  local tmp version
  tmp="$(mktemp -d)"
  version="$("$PY" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))')"
  echo "==> building llama-server from llama-cpp-python $version's llama.cpp sources" >&2
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "llama-cpp-python==$version" -d "$tmp"
  tar xzf "$tmp"/llama_cpp_python-*.tar.gz -C "$tmp"
  # shellcheck disable=SC2086  # the flags are words
  cmake -S "$(echo "$tmp"/llama_cpp_python-*/vendor/llama.cpp)" -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release $LLAMA_CMAKE_ARGS \
    -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_TESTS=OFF \
    -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON >&2
  cmake --build "$tmp/build" --target llama-server -j"$(nproc)" >&2
  mkdir -p "$(dirname "$LLAMA_SERVER")"
  cp "$tmp/build/bin/llama-server" "$LLAMA_SERVER"
  rm -rf "$tmp"
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
  llama-server)
    setup_python
    setup_models
    setup_llama_server
    model="$("$PY" -c 'from qa.config import load_settings; from qa.models import ensure_model; s = load_settings(); print(ensure_model(s.generator_model, s.model_cache))')"
    echo "==> llama-server on http://127.0.0.1:8000/v1 (QA_GENERATOR=openai QA_OPENAI_BASE_URL=http://127.0.0.1:8000/v1)" >&2
    exec "$LLAMA_SERVER" -m "$model" --alias qwen2.5-coder-1.5b-instruct --host 127.0.0.1 --port 8000 \
      --parallel 4 -c 8192 -t "$(nproc)" --load-mode none "$@"
    ;;
  *)
    echo "usage: ./run.sh app|test|llama-server [args…]" >&2
    exit 2
    ;;
esac
