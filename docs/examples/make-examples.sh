#!/bin/sh
# Writes the files the README's command-line examples use into DIR (default: the current directory).
# Run it from the repository root, where the examples are run:
#   xs62.qevm     the device-model stream of a XenServer 6.0-6.2 guest (7,528 bytes)
#   default.qevm  the same guest as upstream qemu-dm of Xen >= 4.1 writes it (7,525 bytes)
#   monday.qevm   default.qevm again, as one save of the guest
#   tuesday.qevm  the same guest saved later: clocks and counters moved on, the serial port at 115200 baud
#   guest.xl      an `xl save` image (migration stream v2) of a 64 MiB guest around default.qevm
#                 (67,248,277 bytes, written sparse: its page contents are holes)
#   xs62.xl       the same image around xs62.qevm (67,248,277 bytes, sparse)
#   guest-xs.img  a XenServer image (XenSavedDomv2-) of the same guest around default.qevm (67,248,246 bytes, sparse)
#   suspend.vhd   a dynamic VHD of 128 MiB (a XenServer suspend VDI on a file SR) holding guest.xl
# All are synthetic, written by the project's fixture writers from docs/FORMAT.md and the VHD specification.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "${1:-.}"
dir=$(cd "${1:-.}" && pwd)
(cd "$root" && mvn -q -B -pl parser test-compile)
java -cp "$root/parser/target/test-classes" org.savevminspector.fixtures.WriteExamples "$dir"
