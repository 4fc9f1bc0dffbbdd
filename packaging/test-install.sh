#!/usr/bin/env bash
# Install test of the .deb on a clean Debian 12 (bookworm): the way a user installs it, `apt install ./FILE.deb`,
# into a minimal system made with `debootstrap --variant=minbase` (no Java, no JavaFX, no GTK, no X, no fonts),
# then checks:
#   - apt pulled in no Java (the package brings its own runtime);
#   - `savevm-inspector` is on PATH; `--version` works; `inspect` on the bundled sample exits 0 and
#     `check` exits 1 (the sample carries the piix4acpi label/shape mismatch);
#   - the postinst dumped the class-data-sharing archive and the launcher maps it (-Xshare:on);
#   - the desktop entry (with the icon and the .qevm MIME type) and the MIME type are installed, and nothing
#     claims .vhd; the man page, the bash completion and the AppStream metainfo are installed;
#   - the viewer started with a file on the command line shows a window titled with that file on an X server
#     (Xvfb), found with xdotool, and exits 0 after its first frame with -Dsavevm.inspector.exitAfterShow=true;
#   - `apt remove` takes the command, the desktop entry and all of /opt/savevm-inspector away again.
# Xvfb and xdotool run on the host (they reach the clean system through /tmp/.X11-unix), so that nothing but the
# package and what it depends on is installed in the clean system.
#
# Usage (as root; needs network access to a Debian mirror, and mount):
#   mvn -B -Ppackage -DskipTests && packaging/test-install.sh [FILE.deb]
# Environment: SVI_TEST_DIR (default /var/tmp/savevm-inspector-install-test; holds the debootstrap tarball,
# reused by later runs, and the clean system of the current run), DEBIAN_MIRROR (default: the host's own Debian
# mirror, the first `deb` source for bookworm in /etc/apt/sources.list and /etc/apt/sources.list.d/*.list|*.sources).
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-$(ls packaging/target/dist/out/savevm-inspector_*.deb 2>/dev/null | head -n 1)}"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "test-install: no .deb given and none in packaging/target/dist/out (build one: mvn -B -Ppackage -DskipTests)" >&2
  exit 2
fi
if [ "$(id -u)" != 0 ]; then
  echo "test-install: must run as root (debootstrap, chroot and mount need it)" >&2
  exit 2
fi
deb=$(realpath "$deb")
sample=ui-resources/src/main/resources/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm
work="${SVI_TEST_DIR:-/var/tmp/savevm-inspector-install-test}"

# The host's own Debian mirror: the URI of its first `deb` source whose suites include bookworm (one-line .list
# entries and deb822 .sources stanzas), so that the test uses whatever mirror or proxy this machine is set up with.
host_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # deb [options] URI SUITE COMPONENT...
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                       if ($(i + 1) == "bookworm") { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # stanzas separated by blank lines; Types: deb, URIs: ..., Suites: ... bookworm ...
    awk 'function flush() { if (types ~ /(^| )deb( |$)/ && suites ~ /(^| )bookworm( |$)/ && uris != "") {
                              split(uris, u, " "); print u[1]; found = 1 }
                            types = ""; uris = ""; suites = "" }
         /^[ \t]*$/ { flush(); if (found) exit; next }
         /^Types:/ { sub(/^Types:[ \t]*/, ""); types = $0 }
         /^URIs:/ { sub(/^URIs:[ \t]*/, ""); uris = $0 }
         /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
         END { if (!found) flush() }' "$f"
  done
}
mirror="${DEBIAN_MIRROR:-$(host_mirror | head -n 1)}"
if [ -z "$mirror" ]; then
  echo "test-install: no Debian (bookworm) source in this host's apt sources; set DEBIAN_MIRROR to a mirror" >&2
  exit 2
fi
root="$work/root"
cache="$work/bookworm-minbase.tar"
started=$(date +%s)

say() { printf '\n== %s\n' "$*"; }
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
if [ ${#need[@]} -gt 0 ]; then
  say "host tools: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

xvfb_pid=""
gui_pid=""
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  for m in tmp/.X11-unix dev/pts dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || true
  done
}
trap cleanup EXIT

say "a clean Debian 12 (debootstrap --variant=minbase bookworm)"
mkdir -p "$work"
cleanup
rm -rf "$root"
if [ ! -f "$cache" ]; then
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log: $work/debootstrap.log)"; }
  tar -C "$root" -cf "$cache" .
else
  mkdir -p "$root"
  tar -C "$root" -xf "$cache"
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
java_in_root() {
  in_root sh -c 'command -v java; ls -d /usr/lib/jvm/* 2>/dev/null; dpkg-query -W -f="\${Package}\n" | grep -E "jdk|jre|openjfx"' || true
}
[ -z "$(java_in_root)" ] || fail "the clean system already has Java: $(java_in_root)"
echo "no Java in the clean system"

say "apt install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
cp "$sample" "$root/tmp/sample.qevm"
in_root apt-get update -q
in_root sh -c "cd /tmp && apt install -y ./$(basename "$deb")" >"$work/apt-install.log" 2>&1 \
  || { tail -n 30 "$work/apt-install.log" >&2; fail "apt install failed (log: $work/apt-install.log)"; }
grep -E "^(Need to get|After this operation)" "$work/apt-install.log" || true
[ -z "$(java_in_root)" ] || fail "installing the package brought in a system Java: $(java_in_root)"
echo "still no system Java: the package runs on its own runtime"

say "the command on PATH"
where=$(in_root sh -c 'command -v savevm-inspector') || fail "savevm-inspector is not on PATH"
[ "$where" = /usr/bin/savevm-inspector ] || fail "savevm-inspector found at $where, expected /usr/bin/savevm-inspector"
in_root savevm-inspector --version
in_root savevm-inspector inspect /tmp/sample.qevm >"$work/inspect.txt" || fail "inspect exited $? (expected 0)"
grep -q "piix4acpi" "$work/inspect.txt" || fail "inspect did not list piix4acpi"
set +e
in_root savevm-inspector check /tmp/sample.qevm
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "check exited $rc on the sample (expected 1: it carries the label/shape mismatch)"
echo "inspect: exit 0; check: exit 1 as expected"

say "the class-data-sharing archive the postinst dumped"
[ -s "$root/opt/savevm-inspector/lib/savevm-inspector.jsa" ] || fail "no /opt/savevm-inspector/lib/savevm-inspector.jsa"
# -Xshare:on fails instead of falling back when the archive does not match the installed jars
in_root env JAVA_TOOL_OPTIONS=-Xshare:on savevm-inspector --version >/dev/null 2>&1 \
  || fail "the launcher does not start with -Xshare:on: the archive does not match the installed class path"
echo "$(du -h "$root/opt/savevm-inspector/lib/savevm-inspector.jsa" | cut -f1) archive, mapped by the launcher"

say "desktop entry, icon and MIME type"
desktop="$root/usr/share/applications/savevm-inspector.desktop"
[ -f "$desktop" ] || fail "no desktop entry /usr/share/applications/savevm-inspector.desktop"
grep -q '^Exec=/opt/savevm-inspector/bin/savevm-inspector %f$' "$desktop" || fail "desktop entry: Exec line"
grep -q '^MimeType=application/x-qemu-savevm;$' "$desktop" || fail "desktop entry: MimeType line"
grep -q '^Icon=savevm-inspector$' "$desktop" || fail "desktop entry: Icon line"
for icon in 48x48/apps/savevm-inspector.png 256x256/apps/savevm-inspector.png scalable/apps/savevm-inspector.svg; do
  [ -f "$root/usr/share/icons/hicolor/$icon" ] || fail "icon hicolor/$icon missing"
done
[ -f "$root/usr/share/mime/packages/savevm-inspector.xml" ] || fail "MIME type description missing"
# shared-mime-info came with GTK; its dpkg trigger must have compiled our type into the MIME database
grep -q 'application/x-qemu-savevm:\*\.qevm' "$root/usr/share/mime/globs2" || fail "*.qevm not in the MIME database"
grep -q 'application/x-qemu-savevm' "$root/usr/share/mime/magic" || fail "QEVM magic not in the MIME database"
# a VHD is a disk format that other tools own: the viewer opens one only when asked to
grep -q 'vhd' "$root/usr/share/mime/packages/savevm-inspector.xml" "$desktop" && fail "a .vhd association was installed"
echo "desktop entry, icons and application/x-qemu-savevm (*.qevm, magic QEVM) installed and registered"

say "man page, bash completion, AppStream metainfo"
[ -f "$root/usr/share/man/man1/savevm-inspector.1.gz" ] || fail "no man page /usr/share/man/man1/savevm-inspector.1.gz"
zcat "$root/usr/share/man/man1/savevm-inspector.1.gz" | grep -q '^\.SS check$' || fail "man page: no check section"
[ -f "$root/usr/share/bash-completion/completions/savevm-inspector" ] || fail "no bash completion"
grep -q -- '--recursive' "$root/usr/share/bash-completion/completions/savevm-inspector" || fail "completion: options"
[ -f "$root/usr/share/metainfo/org.savevminspector.SaveVMInspector.metainfo.xml" ] || fail "no AppStream metainfo"
echo "savevm-inspector(1), its bash completion and the metainfo installed"

say "the viewer on Xvfb, opening a file from the command line"
display=90
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb did not start (log: $work/xvfb.log)"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
in_root env DISPLAY=":$display" savevm-inspector /tmp/sample.qevm >"$work/gui.log" 2>&1 &
gui_pid=$!
title="SaveVM Inspector — sample.qevm"
if ! wid=$(DISPLAY=":$display" timeout 90 xdotool search --sync --onlyvisible --name "^$title\$" 2>/dev/null | head -n 1) \
    || [ -z "$wid" ]; then
  cat "$work/gui.log" >&2
  fail "no window titled '$title' within 90 s"
fi
echo "window $wid: '$(DISPLAY=":$display" xdotool getwindowname "$wid")'"
DISPLAY=":$display" xdotool getwindowgeometry "$wid"
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
gui_pid=""
grep -q "Exception" "$work/gui.log" && { cat "$work/gui.log" >&2; fail "the viewer logged an exception"; }

# the app's own smoke-test switch: exit 0 once the first frame showing the parsed file is on screen
set +e
in_root env DISPLAY=":$display" JAVA_TOOL_OPTIONS="-Dsavevm.inspector.exitAfterShow=true -Dsavevm.inspector.perf=true" \
  timeout 120 savevm-inspector /tmp/sample.qevm >"$work/gui-exit.log" 2>&1
rc=$?
set -e
grep -i "first frame" "$work/gui-exit.log" || true
[ "$rc" -eq 0 ] || { cat "$work/gui-exit.log" >&2; fail "exitAfterShow run exited $rc (expected 0)"; }
echo "first frame with the parsed file shown, exit 0"

say "apt remove"
in_root apt-get remove -y -q savevm-inspector >"$work/apt-remove.log" 2>&1 || fail "apt remove failed"
in_root sh -c 'command -v savevm-inspector' >/dev/null && fail "savevm-inspector still on PATH after removal"
[ -e "$root/usr/share/applications/savevm-inspector.desktop" ] && fail "desktop entry left behind"
[ -e "$root/opt/savevm-inspector" ] && fail "/opt/savevm-inspector left behind: $(find "$root/opt/savevm-inspector" | head -n 5)"
grep -q 'x-qemu-savevm' "$root/usr/share/mime/globs2" && fail "MIME type left in the database"
echo "command and desktop entry removed"

say "PASS ($(($(date +%s) - started)) s; package $(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB)"
