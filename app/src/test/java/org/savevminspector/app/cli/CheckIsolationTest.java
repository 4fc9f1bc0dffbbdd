package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspector;
import picocli.CommandLine;

/**
 * {@code check FILE...} gives every file its line, also when the tool itself fails on one of them: that file's
 * line says so, the files after it are still checked, and the exit code is 2. The failure is simulated by a
 * device layout with a bug, in two strengths: one the engine contains (an exception, which becomes an
 * INTERNAL_ERROR diagnostic) and one only the command can catch (an {@link AssertionError}).
 */
class CheckIsolationTest {
    @TempDir
    Path dir;

    /** "bugged" v1: a be16, then a condition that throws what {@code fail} makes. */
    static final class Bugged extends DeviceLayoutBase {
        Bugged(String idstr, java.util.function.Supplier<? extends Throwable> fail) {
            super(idstr, 1, "test", Layout.of(Layout.be16("x"), Layout.when(c -> {
                Throwable t = fail.get();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) t;
            }, Layout.u8("never"))));
        }
    }

    private static Inspector inspectorWith(DeviceLayout extra1, DeviceLayout extra2) {
        DeviceCatalog standard = DeviceCatalog.standard();
        List<DeviceLayout> layouts = new ArrayList<>();
        for (String idstr : standard.idstrs()) {
            standard.versions(idstr).stream().filter(d -> !layouts.contains(d)).forEach(layouts::add);
        }
        layouts.add(extra1);
        layouts.add(extra2);
        return new Inspector(new DeviceCatalog(layouts));
    }

    private Path fileWith(String name, String idstr) throws Exception {
        byte[] b = StreamBuilder.v3().full(0, idstr, 0, 1, new byte[] {1, 2}).eof().build().bytes();
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void aFileTheToolFailsOnGetsItsLineAndTheNextFilesAreStillChecked() throws Exception {
        Path good = Files.write(dir.resolve("good.qevm"), Fixtures.defaultGuest().bytes());
        Path contained = fileWith("contained.qevm", "bug-exception");
        Path escaping = fileWith("escaping.qevm", "bug-assertion");
        Path bad = Files.write(dir.resolve("bad.qevm"), Fixtures.badMagic());
        Inspector inspector = inspectorWith(new Bugged("bug-exception", () -> new IllegalStateException("oops")),
                new Bugged("bug-assertion", () -> new AssertionError("broken invariant")));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new CheckCommand(inspector));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(good.toString(), contained.toString(), escaping.toString(), bad.toString());

        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith(good + ": ok "), lines.get(0));
        assertEquals(contained + ": ERROR internal error while walking the sections at offset 8 (0x8) "
                + "(IllegalStateException: oops)", lines.get(1));
        assertEquals(escaping + ": ERROR internal error (java.lang.AssertionError): broken invariant", lines.get(2));
        assertTrue(lines.get(3).startsWith(bad + ": FAIL "), lines.get(3));
        assertEquals("", err.toString());
        assertEquals(2, exit);
    }
}
