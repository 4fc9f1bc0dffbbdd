#!/usr/bin/env bash
# Builds the native Linux packages of SaveVM Inspector: a self-contained app image and a .deb, both with their own
# Java runtime (no system Java or JavaFX needed):
#   1. the app jar and its runtime dependencies,
#   2. a jlink runtime of the JDK plus the JavaFX modules (javafx:jlink cannot be used: RichTextFX and its
#      dependencies are automatic modules),
#   3. jpackage: the app image (runtime, jars on the class path, icon; its native launcher replaced by a shell
#      script, see below), then the .deb made from that image (Depends: computed by jpackage plus GTK 3),
#   4. start-up: a class-data-sharing archive (AppCDS) of every class the command line and the viewer load,
#      from a class list recorded by training runs of the app image (the CLI commands on the bundled sample, and the
#      viewer under Xvfb up to its first frame): dumped for the app image here, and by the .deb's postinst where
#      the package installs it (JDK 17 checks an archive against the absolute paths of the jars it was dumped with),
#   5. into the .deb: /usr/bin/savevm-inspector (a symlink to the launcher, so that the command is on PATH), the
#      desktop entry, the .qevm MIME type and the icon (packaging/linux/), the postinst/prerm of the archive, the
#      man page savevm-inspector(1) and the bash completion (both written from the picocli model by the runtime
#      just built: app.cli.Docs), and the AppStream metainfo (validated with appstreamcli, installed from Debian's
#      appstream package when missing).
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
# One version story: the project version (the root pom) is what `--version`, the reports, the AppStream release
# and the package's upstream version all say; the .deb adds only Debian's packaging revision (-1). A development
# version (x.y.z-SNAPSHOT) is not packaged, so that no package ever says one thing and holds another.
case "$version" in
  *[!0-9.]*|"") echo "package-linux: $version is not a release version; packages are made of releases" \
    "(mvn versions:set -DnewVersion=x.y.z, or edit the poms' <version>)" >&2; exit 1 ;;
esac
appversion="$version"
metainfo=packaging/linux/org.savevminspector.SaveVMInspector.metainfo.xml
grep -q "<release version=\"$version\"" "$metainfo" \
  || { echo "package-linux: $metainfo has no <release version=\"$version\">" >&2; exit 1; }
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
# The serial collector starts sooner than G1 (no concurrent threads to set up) and suits a heap of this size.
# The class-data-sharing archive ($APPDIR is lib/app) is made below; where it is missing or was made for other
# jar paths the JVM silently starts without it. JDK 17 updates map an archive at a random address by default
# (ASLR), which means patching every pointer in it at each start: for this 40 MB archive that was 0.1 to 0.3 s of
# CPU per run on 2 cores, as long as the rest of a `check`. ArchiveRelocationMode=0 maps it where it was dumped,
# as JDK 17.0.0 did (and relocates only when that address is taken); delete these two options to trade the
# start-up time back for the archive's address randomisation.
jpackage --type app-image "${common[@]}" \
  --java-options -XX:TieredStopAtLevel=1 --java-options -XX:+UseSerialGC \
  --java-options '-XX:SharedArchiveFile=$APPDIR/../savevm-inspector.jsa' \
  --java-options -XX:+UnlockDiagnosticVMOptions --java-options -XX:ArchiveRelocationMode=0 \
  --runtime-image "$dist/runtime" --input "$dist/classpath" --main-jar "app-$version.jar" \
  --main-class org.savevminspector.app.Launcher
img="$dist/out/savevm-inspector"

# The launcher: a shell script in place of jpackage's native one, which asks rpm and then dpkg which package owns
# it at every start, twice (JDK 17 LinuxLauncher.c:getJvmLauncherLibPath, AppLauncher's
# Package::findOwnerOfFile): measured, those queries cost more CPU than the rest of a `check` on the sample. The
# script runs the same runtime with the options and class path of jpackage's cfg, in its order (the class path is
# what the CDS archive is checked against), and finds its directory through the /usr/bin symlink with readlink.
launcher_script() {
  local cfg="$img/lib/app/savevm-inspector.cfg" o
  echo '#!/bin/sh'
  echo "# SaveVM Inspector's launcher, made by packaging/package-linux.sh from lib/app/savevm-inspector.cfg."
  echo 'self=$(readlink -f -- "$0")'
  echo 'app=${self%/bin/*}'
  printf '%s' 'exec "$app/lib/runtime/bin/java"'
  while IFS= read -r o; do
    printf ' \\\n  "%s"' "${o//\$APPDIR/\$app/lib/app}"
  done < <(sed -n 's/^java-options=//p' "$cfg")
  printf ' \\\n  "%s"' '-Djpackage.app-path=$self'
  printf ' \\\n  -cp "%s"' "$(sed -n 's/^app\.classpath=\$APPDIR/$app\/lib\/app/p' "$cfg" | paste -sd:)"
  printf ' \\\n  %s "$@"\n' "$(sed -n 's/^app\.mainclass=//p' "$cfg")"
}
mv "$img/bin/savevm-inspector" "$dist/jpackage-launcher"
launcher_script >"$img/bin/savevm-inspector"
chmod 0755 "$img/bin/savevm-inspector"

# The class list: what the training runs load, in the order they load it, lambda proxies and method-handle forms
# included (JDK 17's -XX:DumpLoadedClassList records them, and -Xshare:dump archives them).
train="$dist/cds-training"
rm -rf "$train"
mkdir -p "$train"
sample=ui-resources/src/main/resources/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm
runs=0
train_cli() {
  runs=$((runs + 1))
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$train/cli-$runs.classlist" "$img/bin/savevm-inspector" "$@" \
    >"$train/cli-$runs.out" 2>&1 || true
  test -s "$train/cli-$runs.classlist" || { cat "$train/cli-$runs.out" >&2; echo "training run failed: $*" >&2; exit 1; }
}
train_cli check "$sample"
train_cli inspect "$sample"
train_cli inspect --format json "$sample"
train_cli inspect --format sarif "$sample"
train_cli repair "$sample" -o "$train/repaired.qevm"
train_cli diff "$sample" "$train/repaired.qevm"
train_cli check --format jsonl "$sample" "$train/repaired.qevm"
gzip -9nc "$sample" >"$train/sample.qevm.gz"
train_cli inspect "$train/sample.qevm.gz"
train_cli --help
if command -v xvfb-run >/dev/null; then
  # the viewer up to its first frame showing the file (its own smoke-test switch), on a virtual X server
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$train/gui.classlist -Dsavevm.inspector.exitAfterShow=true" \
    timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" "$img/bin/savevm-inspector" "$sample" >"$train/gui.out" 2>&1 \
    || { cat "$train/gui.out" >&2; echo "the viewer's training run failed (needs GTK 3: apt-get install libgtk-3-0)" >&2; exit 1; }
else
  echo "package-linux: WARNING: no xvfb-run, so the start-up archive covers the command line only" \
    "(apt-get install xvfb libgtk-3-0 for the viewer's)" >&2
fi
cat "$train"/*.classlist | awk '!seen[$0]++' >"$img/lib/savevm-inspector.classlist"
# -Xshare:dump through the launcher itself: the archive then records exactly the class path the launcher passes
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$img/lib/savevm-inspector.classlist" \
  "$img/bin/savevm-inspector" >"$train/dump.log" 2>&1 || { tail -n 20 "$train/dump.log" >&2; exit 1; }
test -s "$img/lib/savevm-inspector.jsa" || { tail -n 20 "$train/dump.log" >&2; echo "no CDS archive made" >&2; exit 1; }
shown=$(JAVA_TOOL_OPTIONS=-Xshare:on "$img/bin/savevm-inspector" --version 2>/dev/null) \
  || { echo "the app image does not start with its CDS archive" >&2; exit 1; }
[ "$shown" = "savevm-inspector $version" ] || { echo "--version says '$shown', the package $version" >&2; exit 1; }
echo "CDS archive: $(grep -c . "$img/lib/savevm-inspector.classlist") classes listed," \
  "$(du -h "$img/lib/savevm-inspector.jsa" | cut -f1)"
echo "built: $img ($(du -sh "$img" | cut -f1))"
[ "$type" = app-image ] && exit 0

# jpackage derives Depends: from the runtime's native libraries only; JavaFX's glass needs GTK 3 (its .so files
# sit inside jars, where jpackage does not look). No --linux-shortcut/--file-associations: see packaging/linux/README.md.
# jpackage gets the image as it made it, with its own launcher; the script replaces it in the .deb below.
mv "$img/bin/savevm-inspector" "$dist/launcher.sh"
cp -p "$dist/jpackage-launcher" "$img/bin/savevm-inspector"
jpackage --type deb "${common[@]}" --app-image "$img" \
  --linux-package-name savevm-inspector --linux-package-deps libgtk-3-0 --linux-app-category devel \
  --license-file LICENSE
cp -p "$dist/launcher.sh" "$img/bin/savevm-inspector"
deb=$(ls "$dist"/out/savevm-inspector_*.deb)

# Into the .deb, as plain files that dpkg owns and removes with the package:
#  - the launcher script, and /usr/bin/savevm-inspector, a symlink to it (the script resolves it);
#  - the desktop entry, the MIME type and the icon in the freedesktop places (their dpkg triggers do the rest).
root="$dist/deb-root"
rm -rf "$root"
dpkg-deb -R "$deb" "$root"
# jpackage 17 adds its own desktop integration whenever the image has an icon: maintainer scripts that run
# xdg-desktop-menu (which fails with exit 3 on a system without a desktop, so the package cannot be installed on a
# server; seen by test-install.sh) and Depends: xdg-utils. Its scripts do nothing else: drop them and that dependency.
rm -f "$root"/DEBIAN/preinst "$root"/DEBIAN/postinst "$root"/DEBIAN/prerm "$root"/DEBIAN/postrm
rm -f "$root"/opt/savevm-inspector/lib/savevm-inspector-*.desktop "$root"/opt/savevm-inspector/lib/savevm-inspector-*MimeInfo.xml
# the archive dumped above names this build's paths; the postinst dumps the package's own from the class list
rm -f "$root"/opt/savevm-inspector/lib/savevm-inspector.jsa
install -m 0755 "$dist/launcher.sh" "$root/opt/savevm-inspector/bin/savevm-inspector"
install -m 0755 packaging/linux/postinst "$root/DEBIAN/postinst"
install -m 0755 packaging/linux/prerm "$root/DEBIAN/prerm"
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
# AppStream metainfo, validated offline
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
