#!/usr/bin/env bash
# Builds liblavae_shim.so into $1 with CMake, against the first libtorch found:
#   1. $LIBTORCH (a libtorch folder, e.g. a CUDA build),
#   2. a Python torch install (its CMake prefix path),
#   3. the system's (Debian/Ubuntu libtorch-dev).
# With none found, root with apt installs libtorch-dev, libopenblas0 and cmake (as CI runs);
# anyone else gets one message saying what to install or set.
set -euo pipefail
build_dir=${1:?usage: build-shim.sh BUILD_DIR}
src_dir=$(cd "$(dirname "$0")" && pwd)

fail() { echo "error LAVAE001: $*" >&2; exit 1; }

find_torch_prefix() {
  if [[ -n "${LIBTORCH:-}" ]]; then
    [[ -f "$LIBTORCH/share/cmake/Torch/TorchConfig.cmake" ]] ||
      fail "LIBTORCH=$LIBTORCH has no share/cmake/Torch/TorchConfig.cmake; point it at an unpacked libtorch folder."
    echo "$LIBTORCH"; return
  fi
  local py
  for py in python3 python; do
    if command -v "$py" >/dev/null 2>&1; then
      local prefix
      # Debian's python3-torch names a prefix that holds no CMake config: only a real one counts.
      if prefix=$("$py" -c 'import torch.utils; print(torch.utils.cmake_prefix_path)' 2>/dev/null) &&
         [[ -f "$prefix/Torch/TorchConfig.cmake" ]]; then
        echo "$prefix"; return
      fi
    fi
  done
  local cfg
  for cfg in /usr/lib/*/cmake/Torch/TorchConfig.cmake /usr/lib/cmake/Torch/TorchConfig.cmake; do
    if [[ -f "$cfg" ]]; then echo "$(dirname "$(dirname "$(dirname "$cfg")")")"; return; fi
  done
  return 1
}

install_system_torch() {
  echo "LaVae: no libtorch found; installing Debian's libtorch-dev, libopenblas0 and cmake (root, apt)." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq libtorch-dev libopenblas0 cmake >&2
}

if ! prefix=$(find_torch_prefix); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    install_system_torch
    prefix=$(find_torch_prefix) || fail "libtorch-dev was installed but TorchConfig.cmake is still missing."
  else
    fail "libtorch not found. Install Debian's libtorch-dev and libopenblas0 (sudo apt-get install libtorch-dev libopenblas0 cmake), pip install torch, or set LIBTORCH to a libtorch folder."
  fi
fi
command -v cmake >/dev/null 2>&1 || fail "cmake not found; install it (apt-get install cmake)."

# Debian's libtorch links the generic libblas.so.3; when the alternatives system points that at the
# reference BLAS, training steps run about 5x slower than with OpenBLAS.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
if [[ "$blas" == */blas/libblas.so.3* ]]; then
  echo "LaVae: libblas.so.3 is the slow reference BLAS ($blas); install libopenblas0 (apt-get install libopenblas0) for about 5x faster training." >&2
fi

mkdir -p "$build_dir"
# A different libtorch means a fresh CMake cache.
stamp="$build_dir/torch-prefix.txt"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$prefix" ]]; then
  rm -rf "$build_dir/cmake"
  echo "$prefix" > "$stamp"
fi
if [[ ! -f "$build_dir/cmake/CMakeCache.txt" ]]; then
  echo "LaVae: building the libtorch shim against $prefix" >&2
  cmake -S "$src_dir" -B "$build_dir/cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DLAVAE_SHIM_OUT="$build_dir" >&2 ||
    fail "CMake could not configure the shim against libtorch at $prefix (see the output above)."
fi
cmake --build "$build_dir/cmake" --parallel "$(nproc)" >&2 || fail "the shim did not compile (see the output above)."
