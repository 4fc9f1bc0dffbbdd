package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.diagnostics.DiagnosticCode;

/**
 * Claims of README.md and docs/ARCHITECTURE.md that the code can check, so that they cannot drift from it: the
 * table of diagnostic codes is the enum's, every severity the prose gives a code is its own, every place that
 * lists the subcommands lists them all, and the version is one string: the project's.
 */
class ReadmeClaimsTest {
    private static final Path ROOT = repositoryRoot();
    private static final Pattern SEVERITY_RUN =
            Pattern.compile("\\b(error|warn|note|info) — (.*?)(?=; (?:error|warn|note|info) — |\\n\\n|$)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

    /** The table under "Diagnostic codes" in README.md, as the enum gives it. */
    static String codeTable() {
        StringBuilder b = new StringBuilder("| code | severity | group | what it says |\n|---|---|---|---|\n");
        for (DiagnosticCode c : DiagnosticCode.values()) {
            b.append("| `").append(c.name()).append("` | ").append(c.severity().json()).append(" | ")
                    .append(c.group()).append(" | ").append(c.summary()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theReadmeTableOfCodesIsTheEnum() {
        assertTrue(read("README.md").contains(codeTable()), "README.md's table of diagnostic codes should read:\n"
                + codeTable());
    }

    @Test
    void everySeverityTheProseGivesIsTheCodesOwn() {
        for (String doc : List.of("README.md", "docs/ARCHITECTURE.md")) {
            List<String> wrong = new ArrayList<>();
            List<DiagnosticCode> checked = new ArrayList<>();
            Matcher run = SEVERITY_RUN.matcher(read(doc));
            while (run.find()) {
                Matcher code = CODE.matcher(run.group(2));
                while (code.find()) {
                    DiagnosticCode c = codeNamed(code.group(1));
                    if (c == null) {
                        continue;
                    }
                    checked.add(c);
                    if (!c.severity().json().equals(run.group(1))) {
                        wrong.add(c + " is " + c.severity().json() + ", not " + run.group(1));
                    }
                }
            }
            assertEquals(List.of(), wrong, doc);
            if (doc.equals("README.md")) {
                // the save images' codes were read, of every severity
                assertTrue(checked.containsAll(List.of(DiagnosticCode.CONTAINER_TRUNCATED,
                        DiagnosticCode.CONTAINER_TRAILING, DiagnosticCode.EMBEDDED_STREAM, DiagnosticCode.CONTAINER_INFO)),
                        checked.toString());
            }
        }
    }

    @Test
    void everyCodeTheDocsNameExists() {
        // (ARCHITECTURE also names the viewer's highlight kinds, LOADER_DIFF, in the same style)
        for (String doc : List.of("README.md", "docs/FORMAT.md")) {
            Matcher code = CODE.matcher(read(doc));
            List<String> unknown = new ArrayList<>();
            while (code.find()) {
                String name = code.group(1);
                boolean diagnosticLike = name.matches("(CONTAINER|VHD|LOADER|VERSION|PCI|COMPRESSED)_.*");
                if (diagnosticLike && codeNamed(name) == null && !unknown.contains(name)) {
                    unknown.add(name);
                }
            }
            assertEquals(List.of(), unknown, doc);
        }
    }

    @Test
    void everyListOfSubcommandsHasThemAll() {
        List<String> commands = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        assertEquals(List.of("inspect", "check", "repair", "extract", "diff"), commands);
        String readme = read("README.md");
        for (String c : commands) {
            assertTrue(readme.contains("java -jar app/target/savevm-inspector.jar " + c + " "), "usage line of " + c);
            assertTrue(readme.contains("\n### " + c + "\n") || readme.contains("`" + c + " IMAGE"), "section on " + c);
        }
        String piped = String.join("|", commands);
        assertTrue(readme.contains("`savevm-inspector " + piped + " …`"), "the package's command, README");
        String quoted = commands.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        assertTrue(readme.contains("| " + quoted.replace(", ", " | ") + " |"), "the exit-code table's columns");
        assertTrue(read("docs/ARCHITECTURE.md").contains("(" + quoted + ", `help`)"), "ARCHITECTURE, the Launcher");
        String classes = commands.stream()
                .map(c -> "`" + c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1) + "Command`")
                .collect(Collectors.joining(", "));
        assertTrue(read("docs/ARCHITECTURE.md").contains("picocli: " + classes + ";"), "ARCHITECTURE, app.cli");
    }

    /**
     * The root pom's version is the program's ({@code --version}, the reports' {@code tool.version}), the AppStream
     * release's and the package's upstream version; the .deb adds Debian's revision -1 (package-linux.sh refuses
     * to package a development version).
     */
    @Test
    void theVersionIsOneString() {
        Matcher pom = Pattern.compile("<artifactId>savevm-inspector-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        assertTrue(pom.find());
        String version = pom.group(1);
        assertEquals(version, AppVersion.version());
        assertTrue(version.matches("[0-9]+\\.[0-9]+\\.[0-9]+"), "a release version: " + version);
        String readme = read("README.md");
        assertTrue(readme.contains("./packaging/target/dist/out/savevm-inspector_" + version + "-1_amd64.deb"), "README");
        assertTrue(readme.contains("\"tool\": { \"name\": \"savevm-inspector\", \"version\": \"" + version + "\" }"),
                "README's JSON example");
        assertTrue(read("packaging/linux/org.savevminspector.SaveVMInspector.metainfo.xml")
                .contains("<release version=\"" + version + "\""), "the AppStream release");
    }

    private static DiagnosticCode codeNamed(String name) {
        return Arrays.stream(DiagnosticCode.values()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no README.md above " + Path.of("").toAbsolutePath()));
    }
}
