#!/usr/bin/env bash
# Builds a native Linux app-image or .deb of SaveVM Inspector:
#   1. the app jar and its runtime dependencies,
#   2. a jlink runtime of the JDK plus the JavaFX modules (javafx:jlink cannot be used: RichTextFX and its
#      dependencies are automatic modules),
#   3. jpackage with that runtime and the jars on the class path.
# Usage: packaging/package-linux.sh [app-image|deb]   (default app-image; output in packaging/target/dist/out)
set -euo pipefail
type="${1:-app-image}"
cd "$(dirname "$0")/.."
version=$(mvn -q -B -Dstyle.color=never help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | tr -d "\033" | sed "s/\[[0-9;]*m//g")
appversion="${version%%-*}"
dist=packaging/target/dist
rm -rf "$dist"
mkdir -p "$dist/input" "$dist/jfx"

mvn -B -q -pl app -am package -DskipTests
mvn -B -q -pl app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$dist/input"
mv "$dist"/input/javafx-*-linux.jar "$dist/jfx/"
rm -f "$dist"/input/javafx-*.jar             # the empty placeholder jars
cp "app/target/app-$version.jar" "$dist/input/"

jlink --module-path "$dist/jfx" \
  --add-modules javafx.controls,java.desktop,java.logging,java.management,java.prefs,java.scripting,jdk.jfr,jdk.unsupported \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$dist/runtime"

extra=()
if [ "$type" = deb ]; then
  # jpackage derives Depends: from the JDK runtime only; JavaFX's glass needs GTK 3.
  extra=(--linux-package-name savevm-inspector --linux-package-deps libgtk-3-0 --vendor "SaveVM Inspector"
    --license-file LICENSE)
fi
# C1 only: on a 2-core machine the C2 compiler threads compete with JavaFX start-up; measured first frame
# 1.3-1.5 s instead of 1.9-2.2 s. Parsing a 7 KB savevm stream does not need C2's peak speed.
jpackage --type "$type" --name savevm-inspector --app-version "$appversion" \
  --java-options -XX:TieredStopAtLevel=1 \
  --runtime-image "$dist/runtime" --input "$dist/input" --main-jar "app-$version.jar" \
  --main-class org.savevminspector.app.Launcher \
  --dest "$dist/out" "${extra[@]}"
echo "built: $(ls -d "$dist"/out/*)"
