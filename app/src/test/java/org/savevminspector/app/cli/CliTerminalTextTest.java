package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.app.OneSectionStream;

/**
 * Issue 13, point 5: control bytes in an idstr ({@code ESC[31m}, {@code ESC]0;title BEL}, a C1 CSI) and in a file
 * name (ESC, a newline) reach the terminal escaped, in every text output — inspect, check, repair, the error
 * lines — and stay exact, as JSON escapes, in JSON and SARIF.
 */
class CliTerminalTextTest {
    @TempDir
    Path dir;

    /** The raw idstr: colour, window title, C1 CSI (0x9B, which some terminals obey), a bidi override. */
    private static final String IDSTR = "\u001b[31mevil\u001b]0;pwned\u0007\u009b2J";
    private static final String SHOWN = "\\x1b[31mevil\\x1b]0;pwned\\a\\x9b2J";

    /** A v3 stream of one FULL section with that idstr (its bytes as ISO-8859-1), a 4-byte body and the EOF. */
    private Path hostile(String name) throws Exception {
        return Files.write(dir.resolve(name), OneSectionStream.withIdstr(IDSTR));
    }

    /** No C0 control but the newline, no DEL, no C1 control. */
    private static void assertPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0)),
                    "raw U+" + Integer.toHexString(c) + " at " + i + " in:\n" + text);
        }
    }

    @Test
    void controlBytesInAnIdstrAreEscapedInEveryTextReport() throws Exception {
        Path f = hostile("guest.qevm");
        CliRun inspect = CliRun.of("inspect", f.toString());
        assertEquals(0, inspect.exit(), inspect.toString());
        assertPrintable(inspect.out());
        assertTrue(inspect.out().contains("\"" + SHOWN + "\""), inspect.out());
        assertTrue(inspect.out().contains("UNKNOWN_DEVICE at 8 (0x0008) +"), inspect.out());

        CliRun check = CliRun.of("check", f.toString());
        assertPrintable(check.out());
        assertEquals(1, check.out().lines().count(), check.out());

        CliRun loaders = CliRun.of("check", "--all-loaders", "--loader", "xenserver-6.5+", f.toString());
        assertPrintable(loaders.out() + loaders.err());

        CliRun repair = CliRun.of("repair", f.toString(), "-o", dir.resolve("out.qevm").toString());
        assertPrintable(repair.out() + repair.err());
    }

    @Test
    void jsonAndSarifCarryTheExactIdstrAsJsonEscapes() throws Exception {
        Path f = hostile("guest.qevm");
        CliRun json = CliRun.of("inspect", "--format", "json", f.toString());
        assertPrintable(json.out());
        assertTrue(json.out().contains("\\u001B[31mevil\\u001B]0;pwned\\u0007\\u009b2J"), json.out());
        JsonNode root = json.json();
        assertEquals(IDSTR, root.at("/sections/0/idstr").textValue(), "the parsed value is the idstr itself");

        CliRun sarif = CliRun.of("inspect", "--format", "sarif", f.toString());
        assertPrintable(sarif.out());
        boolean found = false;
        for (JsonNode result : sarif.json().at("/runs/0/results")) {
            found |= result.at("/message/text").textValue().contains(IDSTR);
        }
        assertTrue(found, "a SARIF message quotes the idstr exactly: " + sarif.out());
    }

    @Test
    void aFileNameWithControlsIsOneEscapedLine() throws Exception {
        Path f = hostile("x\u001b]0;title\u0007\nFAKE: ok.qevm");
        String shown = dir + "/x\\x1b]0;title\\a\\nFAKE: ok.qevm";
        CliRun check = CliRun.of("check", f.toString());
        assertPrintable(check.out());
        List<String> lines = check.out().lines().toList();
        assertEquals(1, lines.size(), check.out());
        assertTrue(lines.get(0).startsWith(shown + ": FAIL ("), lines.get(0));

        CliRun inspect = CliRun.of("inspect", f.toString());
        assertTrue(inspect.out().startsWith("File: " + shown + " ("), inspect.out());

        Path missing = dir.resolve("gone\u001b[2J\n.qevm");
        CliRun gone = CliRun.of("inspect", missing.toString());
        assertEquals(2, gone.exit());
        assertEquals("savevm-inspector: cannot read " + dir + "/gone\\x1b[2J\\n.qevm: no such file"
                + System.lineSeparator(), gone.err());
    }

    @Test
    void theLastGuardEscapesWhateverReachesTheTerminal() throws Exception {
        StringWriter w = new StringWriter();
        try (EscapingWriter e = new EscapingWriter(w)) {
            e.write("ok\u001b[0m line\n\u009b\u007f tab\there → ✓ \uD83D\uDE00\n");
            e.write('\u0007');
        }
        assertEquals("ok\\x1b[0m line\n\\x9b\\x7f tab\\there → ✓ \uD83D\uDE00\n\\a", w.toString());
    }
}
