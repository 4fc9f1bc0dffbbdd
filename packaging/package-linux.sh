#!/usr/bin/env bash
# Builds the native Linux packages of SaveVM Inspector: a self-contained app image and a .deb, both with their own
# Java runtime (no system Java or JavaFX needed):
#   1. the app jar and its runtime dependencies,
#   2. a jlink runtime of the JDK plus the JavaFX modules (javafx:jlink cannot be used: RichTextFX and its
#      dependencies are automatic modules),
#   3. jpackage: the app image (launcher, runtime, jars on the class path, icon), then the .deb made from that image
#      (Depends: computed by jpackage plus GTK 3),
#   4. into the .deb: /usr/bin/savevm-inspector (a symlink to the launcher, so that the command is on PATH), the
#      desktop entry, the .qevm MIME type and the icon (packaging/linux/), the man page savevm-inspector(1) and the
#      bash completion (both written from the picocli model by the runtime just built: app.cli.Docs), and the
#      AppStream metainfo (validated with appstreamcli, installed from Debian's appstream package when missing).
#
# Usage: packaging/package-linux.sh [app-image|deb|all]      (default all; output in packaging/target/dist/out)
#        = mvn -B -Ppackage -DskipTests -Dpackage.type=TYPE: the packaging module builds the app, copies its
#        runtime jars into packaging/target/dist/input and calls this script with --prebuilt VERSION TYPE.
set -euo pipefail
cd "$(dirname "$0")/.."

prebuilt=""
if [ "${1:-}" = --prebuilt ]; then
  prebuilt="$2"
  shift 2
fi
type="${1:-all}"
case "$type" in app-image|deb|all) ;; *) echo "usage: $0 [app-image|deb|all]" >&2; exit 2 ;; esac

dist=packaging/target/dist
if [ -n "$prebuilt" ]; then
  version="$prebuilt"
  rm -rf "$dist/jfx" "$dist/classpath" "$dist/runtime" "$dist/out" "$dist/deb-root"
else
  # the Maven profile does the build and the copying, then comes back here with --prebuilt
  exec mvn -B -Ppackage -DskipTests -Dpackage.type="$type" package
fi
appversion="${version%%-*}"
test -f "$dist/input/app-$version.jar" || { echo "missing $dist/input/app-$version.jar" >&2; exit 1; }
# JavaFX goes into the runtime (jlink), everything else onto the class path (jpackage --input)
mkdir -p "$dist/jfx" "$dist/classpath"
cp "$dist"/input/javafx-*-linux.jar "$dist/jfx/"
cp "$dist"/input/*.jar "$dist/classpath/"
rm -f "$dist"/classpath/javafx-*.jar          # the JavaFX jars, and the empty placeholders of the non-linux ones

jlink --module-path "$dist/jfx" \
  --add-modules javafx.controls,java.desktop,java.logging,java.management,java.prefs,java.scripting,jdk.jfr,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$dist/runtime"

icon=ui-resources/src/main/resources/org/savevminspector/ui/icons/savevm-inspector-256.png
# one line of at most 80 characters: it is the Debian synopsis and the desktop entry's Comment
description="Viewer, checker and repair tool for Xen qemu-dm savevm (QEVM) files"
common=(--name savevm-inspector --app-version "$appversion" --vendor "SaveVM Inspector"
  --description "$description" --icon "$icon" --dest "$dist/out")

# C1 only: on a 2-core machine the C2 compiler threads compete with JavaFX start-up; measured first frame
# 1.3-1.5 s instead of 1.9-2.2 s. Parsing a 7 KB savevm stream does not need C2's peak speed.
jpackage --type app-image "${common[@]}" \
  --java-options -XX:TieredStopAtLevel=1 \
  --runtime-image "$dist/runtime" --input "$dist/classpath" --main-jar "app-$version.jar" \
  --main-class org.savevminspector.app.Launcher
echo "built: $dist/out/savevm-inspector ($(du -sh "$dist/out/savevm-inspector" | cut -f1))"
[ "$type" = app-image ] && exit 0

# jpackage derives Depends: from the runtime's native libraries only; JavaFX's glass needs GTK 3 (its .so files
# sit inside jars, where jpackage does not look). No --linux-shortcut/--file-associations: see packaging/linux/README.md.
jpackage --type deb "${common[@]}" --app-image "$dist/out/savevm-inspector" \
  --linux-package-name savevm-inspector --linux-package-deps libgtk-3-0 --linux-app-category devel \
  --license-file LICENSE
deb=$(ls "$dist"/out/savevm-inspector_*.deb)

# Into the .deb, as plain files that dpkg owns and removes with the package:
#  - /usr/bin/savevm-inspector, a symlink to the launcher (which finds its runtime through /proc/self/exe);
#  - the desktop entry, the MIME type and the icon in the freedesktop places (their dpkg triggers do the rest).
root="$dist/deb-root"
rm -rf "$root"
dpkg-deb -R "$deb" "$root"
# jpackage 17 adds its own desktop integration whenever the image has an icon: maintainer scripts that run
# xdg-desktop-menu (which fails with exit 3 on a system without a desktop, so the package cannot be installed on a
# server; seen by test-install.sh) and Depends: xdg-utils. Its scripts do nothing else: drop them and that dependency.
rm -f "$root"/DEBIAN/preinst "$root"/DEBIAN/postinst "$root"/DEBIAN/prerm "$root"/DEBIAN/postrm
rm -f "$root"/opt/savevm-inspector/lib/savevm-inspector-*.desktop "$root"/opt/savevm-inspector/lib/savevm-inspector-*MimeInfo.xml
sed -i -e 's/ xdg-utils,//; s/, xdg-utils\b//' "$root/DEBIAN/control"
if grep -rqs xdg- "$root/DEBIAN"; then echo "package-linux: xdg- still in $root/DEBIAN" >&2; exit 1; fi
mkdir -p "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages"
ln -s /opt/savevm-inspector/bin/savevm-inspector "$root/usr/bin/savevm-inspector"
install -m 0644 packaging/linux/savevm-inspector.desktop "$root/usr/share/applications/savevm-inspector.desktop"
install -m 0644 packaging/linux/savevm-inspector-mime.xml "$root/usr/share/mime/packages/savevm-inspector.xml"
icons=ui-resources/src/main/resources/org/savevminspector/ui/icons
for size in 16 32 48 64 128 256; do
  install -D -m 0644 "$icons/savevm-inspector-$size.png" \
    "$root/usr/share/icons/hicolor/${size}x${size}/apps/savevm-inspector.png"
done
install -D -m 0644 "$icons/savevm-inspector.svg" "$root/usr/share/icons/hicolor/scalable/apps/savevm-inspector.svg"
# savevm-inspector(1) and the bash completion, from the same picocli model as --help (no Asciidoctor needed)
docs() { "$dist/runtime/bin/java" -cp "$dist/classpath/*" org.savevminspector.app.cli.Docs "$@"; }
mkdir -p "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions"
docs man "$(date -u +%F)" | gzip -9n > "$root/usr/share/man/man1/savevm-inspector.1.gz"
docs bash-completion > "$root/usr/share/bash-completion/completions/savevm-inspector"
chmod 0644 "$root/usr/share/man/man1/savevm-inspector.1.gz" "$root/usr/share/bash-completion/completions/savevm-inspector"
# AppStream metainfo, validated offline (the screenshots' addresses are checked for form, not fetched)
metainfo=packaging/linux/org.savevminspector.SaveVMInspector.metainfo.xml
if ! command -v appstreamcli >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends appstream >/dev/null \
    || { echo "package-linux: appstreamcli is missing and apt-get could not install appstream" >&2; exit 1; }
fi
appstreamcli validate --no-net "$metainfo"
install -D -m 0644 "$metainfo" "$root/usr/share/metainfo/org.savevminspector.SaveVMInspector.metainfo.xml"
kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $kib/" "$root/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -b "$root" "$deb" >/dev/null
rm -rf "$root"
echo "built: $deb ($(du -h "$deb" | cut -f1))"
