package org.savevminspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 7, point 11: the viewer started without a display says so in one sentence and exits 2. */
class LauncherNoDisplayTest {

    @Test
    void withoutDisplayTheViewerPrintsOneSentenceAndExits2() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, p.exitValue());
        assertEquals("", out);
        assertEquals(List.of(Launcher.NO_DISPLAY_MESSAGE), err.lines().toList());
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void aDisplayOrMonocleOrAnotherSystemLetsTheViewerTry() {
        assertEquals(Launcher.NO_DISPLAY_MESSAGE, Launcher.noDisplay(Map.of(), "Linux", null));
        assertEquals(Launcher.NO_DISPLAY_MESSAGE, Launcher.noDisplay(Map.of("DISPLAY", " "), "Linux", null));
        assertNull(Launcher.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(Launcher.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertNull(Launcher.noDisplay(Map.of(), "Linux", "Monocle"));
        assertNull(Launcher.noDisplay(Map.of(), "Windows 11", null));
        assertNull(Launcher.noDisplay(Map.of(), "Mac OS X", null));
    }
}
