#!/usr/bin/env bash
# Builds the native anchor programs of this folder where a C compiler exists: heston-native-scalar.c (-O2, glibc libm)
# and heston-native-avx512.c (-O3 -march=native; runs only on a CPU with AVX-512). Without a compiler, or without
# the sources, `flowexec bench --anchors bench/anchors` runs the plain-JS anchor alone and says which are missing.
set -euo pipefail
cd "$(dirname "$0")"
CC="${CC:-cc}"
if ! command -v "$CC" >/dev/null 2>&1; then echo "build.sh: no C compiler ($CC): only the plain-JS anchor will run"; exit 0; fi
built=0
if [ -f heston-native-scalar.c ]; then "$CC" -O2 -o heston-native-scalar heston-native-scalar.c -lm; built=$((built + 1)); fi
if [ -f heston-native-avx512.c ]; then
  if "$CC" -O3 -march=native -o heston-native-avx512 heston-native-avx512.c -lm 2>/dev/null; then built=$((built + 1));
  else echo "build.sh: heston-native-avx512.c needs a compiler and CPU with AVX-512: skipped"; fi
fi
echo "build.sh: built $built native anchor(s)"
