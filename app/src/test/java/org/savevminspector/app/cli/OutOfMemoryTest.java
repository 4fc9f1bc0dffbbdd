package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A heap too small for the input (issue 13 point 6): one sentence and exit 2, never a stack trace; {@code check}
 * says so on that file's line and checks the next files. The {@link OutOfMemoryError} is thrown on purpose (by a
 * command, by a device layout), not provoked: a test must not exhaust the heap it runs in.
 */
class OutOfMemoryTest {
    private static final String SENTENCE_START = "out of memory: the Java heap (at most ";

    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anyCommandRunningOutOfMemoryIsOneSentenceAndExit2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Hungry());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = Cli.execute(cmd, new String[0]);
        assertEquals(ExitCodes.USAGE_OR_IO, exit);
        assertEquals("", out.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertEquals(Cli.NAME + ": " + SENTENCE_START + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) is too "
                + "small for this input; run again with a larger one, e.g. JAVA_TOOL_OPTIONS=-Xmx1g (read by java and "
                + "by the installed launcher alike)", lines.get(0));
    }

    @TempDir
    Path dir;

    @Test
    void checkGivesTheFileItsLineAndGoesOnWithTheNextFile() throws Exception {
        Path good = Files.write(dir.resolve("good.qevm"), Fixtures.defaultGuest().bytes());
        Path hungry = Files.write(dir.resolve("hungry.qevm"),
                StreamBuilder.v3().full(0, "bug-oom", 0, 1, new byte[] {1, 2}).eof().build().bytes());
        Path after = Files.write(dir.resolve("after.qevm"), Fixtures.defaultGuest().bytes());
        DeviceCatalog standard = DeviceCatalog.standard();
        List<DeviceLayout> layouts = new ArrayList<>();
        for (String idstr : standard.idstrs()) {
            standard.versions(idstr).stream().filter(d -> !layouts.contains(d)).forEach(layouts::add);
        }
        layouts.add(new CheckIsolationTest.Bugged("bug-oom", () -> new OutOfMemoryError("Java heap space")));
        Inspector inspector = new Inspector(new DeviceCatalog(layouts));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new CheckCommand(inspector));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(good.toString(), hungry.toString(), after.toString());

        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith(good + ": ok "), lines.get(0));
        assertTrue(lines.get(1).startsWith(hungry + ": ERROR " + SENTENCE_START), lines.get(1));
        assertTrue(lines.get(2).startsWith(after + ": ok "), lines.get(2));
        assertEquals(ExitCodes.USAGE_OR_IO, exit);
        assertEquals("", err.toString());
    }
}
