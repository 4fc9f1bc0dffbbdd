package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page and the bash completion come from the picocli model: every command and every option is in them,
 * and the page is valid troff (rendered by groff without a warning where groff is installed).
 */
class DocsTest {
    @TempDir
    Path dir;

    private static CommandLine cli() {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static String man() {
        StringWriter sw = new StringWriter();
        ManPage.write(cli(), "2026-12-07", new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void theManPageHasEveryCommandAndOption() {
        String page = man();
        assertTrue(page.contains(".TH SAVEVM\\-INSPECTOR 1 \"2026-12-07\" \"savevm-inspector "), page);
        for (CommandLine sub : cli().getSubcommands().values()) {
            assertTrue(page.contains("\n.SS " + sub.getCommandName() + "\n"), sub.getCommandName());
            for (OptionSpec o : sub.getCommandSpec().options()) {
                assertTrue(page.contains("\\fB" + ManPage.text(o.longestName()) + "\\fR"),
                        sub.getCommandName() + " " + o.longestName());
            }
        }
        assertTrue(page.contains(".B savevm\\-inspector check\n"), page);
        assertTrue(page.contains("[\\fB\\-\\-recursive\\fR]"), page);
        assertTrue(page.contains("\\fB\\-\\-parent\\fR \\fIFILE\\fR"), page);
    }

    @Test
    void troffSpecialsAreEscaped() {
        assertEquals("\\&.hidden", ManPage.text(".hidden"));
        assertEquals("a\\eb \\-\\-x", ManPage.text("a\\b --x"));
    }

    @Test
    void groffRendersThePageWithoutWarnings() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = Files.writeString(dir.resolve("savevm-inspector.1"), man());
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", page.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertEquals(0, p.waitFor());
        assertEquals("", Files.readString(dir.resolve("err")));
        String shown = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8).replaceAll(".\b", "")
                .replace('\u2212', '-').replace('\u2010', '-').replaceAll("\\s+", " ");
        assertTrue(shown.contains("savevm-inspector - Inspect, check and repair"), shown);
        assertTrue(shown.contains("--keep-container"), shown);
    }

    @Test
    void bashCompletionKnowsTheCommandsAndOptions() {
        String script = AutoComplete.bash(Cli.NAME, cli());
        assertTrue(script.contains("complete -F _complete_savevm-inspector -o default savevm-inspector"), script);
        for (String word : List.of("inspect", "check", "repair", "extract", "diff", "--recursive", "--jobs",
                "--keep-container", "--parent")) {
            assertTrue(script.contains(word), word);
        }
    }
}
