#!/usr/bin/env bash
# Write + verify a 64 KiB and a 1 MiB image into QEMU netduinoplus2 through Benchline's GDB probe
# and through gdb-multiarch (restore + dump), same QEMU, one run. Needs qemu-system-arm and gdb-multiarch.
# Usage: bench/gdb-qemu.sh [repetitions]   (default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -q -B -pl fixtures test-compile exec:java \
  -Dexec.mainClass=io.benchline.fixtures.qemu.QemuFlashBench \
  -Dexec.classpathScope=test \
  -Dexec.args="${1:-3}"
