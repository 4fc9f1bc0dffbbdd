package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;

/**
 * Issue 13, point 9: a symbolic-link loop is named as such, and a file name that is not valid UTF-8 opens under
 * {@code LANG=C.UTF-8} (through its bytes in {@code /proc/self/cmdline}) and is printed with the bad byte escaped.
 */
class CliNamesTest {
    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkLoopIsNamedOnEveryCommand() throws Exception {
        Path a = Files.createSymbolicLink(dir.resolve("a.qevm"), Path.of("b.qevm"));
        Files.createSymbolicLink(dir.resolve("b.qevm"), Path.of("a.qevm"));
        for (CliRun r : new CliRun[] {CliRun.of("inspect", a.toString()), CliRun.of("check", a.toString()),
            CliRun.of("repair", a.toString(), "-o", dir.resolve("o").toString()),
            CliRun.of("extract", a.toString(), "-o", dir.resolve("o").toString())}) {
            assertEquals(2, r.exit(), r.toString());
            assertEquals("savevm-inspector: cannot read " + a + ": too many levels of symbolic links"
                    + System.lineSeparator(), r.err());
        }
    }

    @Test
    void aNameThatIsNotUtf8OpensUnderCUtf8AndIsShownEscaped() throws Exception {
        // g\xffuest.qevm, made by its bytes (a file: URI carries them percent-encoded)
        Path raw = Path.of(new URI(dir.toUri() + "g%FFuest.qevm"));
        Files.write(raw, Fixtures.sample());
        Map<String, String> env = Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8");
        ChildCli.Result r = ChildCli.run(ChildCli.bash("\"$@\" repair \"$(printf 'g\\377uest.qevm')\" "
                + "-o \"$(printf 'g\\377uest.fixed')\""), dir, env);
        assertEquals(0, r.exit(), r.toString());
        String report = r.outText();
        String header = report.lines().findFirst().orElseThrow();
        assertTrue(header.matches("Repair of g\\\\xffuest\\.qevm \\(7520 bytes, modified [0-9T:-]+Z, sha256 7ab47efb.*"),
                header);
        assertEquals("Result: written to g\\xffuest.fixed (7520 bytes)", report.lines().reduce((x, y) -> y)
                .orElseThrow());
        Path fixed = Path.of(new URI(dir.toUri() + "g%FFuest.fixed"));
        byte[] expected = Fixtures.sample();
        expected[7233] = 1; // piix4acpi relabelled 2 → 1
        assertArrayEquals(expected, Files.readAllBytes(fixed), "written under the same undecodable name");
    }
}
