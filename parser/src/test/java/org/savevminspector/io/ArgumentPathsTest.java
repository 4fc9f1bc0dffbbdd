package org.savevminspector.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file name that is not valid in the platform charset opens by its bytes, recovered from the process's command
 * line, and is shown with its undecodable bytes as {@code \xNN}.
 */
class ArgumentPathsTest {
    @TempDir
    Path dir;

    private static byte[] cmdline(byte[]... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] a : args) {
            b.writeBytes(a);
            b.write(0);
        }
        return b.toByteArray();
    }

    @Test
    void anUndecodableNameOpensByItsBytes() throws Exception {
        byte[] rawName = {'g', (byte) 0xFF, 'u', 'e', 's', 't'};
        // the file made by its bytes, as a shell would make it
        Path real = Files.write(Path.of(new java.net.URI(dir.toUri() + "g%FFuest")), new byte[] {42});
        byte[] rawPath = (dir + "/").getBytes(StandardCharsets.UTF_8);
        byte[] full = new byte[rawPath.length + rawName.length];
        System.arraycopy(rawPath, 0, full, 0, rawPath.length);
        System.arraycopy(rawName, 0, full, rawPath.length, rawName.length);
        String decoded = new String(full, StandardCharsets.UTF_8); // what the JVM hands main: U+FFFD for 0xFF

        ArgumentPaths paths = ArgumentPaths.of(new String[] {"inspect", decoded},
                cmdline("java".getBytes(), "-jar".getBytes(), "x.jar".getBytes(), "inspect".getBytes(), full),
                StandardCharsets.UTF_8);
        assertEquals(dir + "/g\\xffuest", paths.shown(decoded));
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(paths.path(decoded)));
        assertEquals(real, paths.path(decoded));
        assertEquals("inspect", paths.shown("inspect"));
        assertEquals(Path.of("inspect"), paths.path("inspect"));
    }

    @Test
    void nothingIsGuessedWhenTheCommandLineDoesNotEndWithTheArguments() {
        byte[] bad = {'a', (byte) 0xFF};
        String decoded = new String(bad, StandardCharsets.UTF_8);
        assertSame(ArgumentPaths.NONE, ArgumentPaths.of(new String[] {decoded},
                cmdline("java".getBytes(), "@argfile".getBytes()), StandardCharsets.UTF_8));
        assertSame(ArgumentPaths.NONE, ArgumentPaths.of(new String[] {"plain"},
                cmdline("java".getBytes(), "plain".getBytes()), StandardCharsets.UTF_8), "nothing to recover");
        byte[] other = {'a', (byte) 0xFE};
        assertSame(ArgumentPaths.NONE, ArgumentPaths.of(new String[] {decoded, decoded},
                cmdline(bad, other), StandardCharsets.UTF_8), "two names decode alike: neither is guessed");
    }

    @Test
    void bytesAreShownAsValidUtf8AndEscapesForTheRest() {
        assertEquals("é\\xff\\xc3(→", ArgumentPaths.showBytes(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF,
            (byte) 0xC3, '(', (byte) 0xE2, (byte) 0x86, (byte) 0x92}));
    }
}
