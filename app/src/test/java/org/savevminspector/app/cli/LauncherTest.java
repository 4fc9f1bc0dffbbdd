package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI path of the launcher must not load JavaFX. The launcher is loaded through a fresh class loader over
 * the test class path (parent: the platform loader, so every application class, JavaFX included, is defined by
 * this loader), the CLI is run, and the loader is asked which classes it defined.
 */
class LauncherTest {
    private static final String[] JAVAFX_CLASSES = {
        "javafx.application.Application", "javafx.application.Platform", "javafx.stage.Stage",
        "com.sun.javafx.application.LauncherImpl", "com.sun.javafx.application.PlatformImpl",
        "org.savevminspector.app.gui.InspectorApp", "org.savevminspector.app.Launcher$Gui"};

    @TempDir
    Path dir;

    /** Exposes {@link ClassLoader#findLoadedClass}. */
    static final class RecordingLoader extends URLClassLoader {
        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }
    }

    private static URL[] testClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }

    @Test
    void inspectRunsWithoutLoadingJavaFx() throws Exception {
        Path f = Files.write(dir.resolve("x.txt"), "not a savefile".getBytes(StandardCharsets.US_ASCII));
        try (RecordingLoader loader = new RecordingLoader(testClassPath())) {
            Class<?> launcher = loader.loadClass("org.savevminspector.app.Launcher");
            Method runCli = launcher.getMethod("runCli", String[].class);
            PrintStream stdout = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            Object exit;
            try {
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                exit = runCli.invoke(null, (Object) new String[] {"inspect", "--format", "json", f.toString()});
            } finally {
                System.setOut(stdout);
            }
            assertEquals(0, exit);
            assertTrue(captured.toString(StandardCharsets.UTF_8).contains("\"BAD_MAGIC\""), captured::toString);
            JsonSchemas.assertValid("inspect.schema.json", captured.toString(StandardCharsets.UTF_8));
            assertNotNull(loader.loaded("org.savevminspector.app.cli.Cli"), "the CLI ran in this loader");
            assertNotNull(loader.loaded("org.savevminspector.report.JsonReport"));
            for (String name : JAVAFX_CLASSES) {
                assertNull(loader.loaded(name), name + " was loaded on the CLI path");
            }
            // control: JavaFX is on this class path, so its absence above means something
            assertNotNull(loader.loadClass("javafx.application.Application"));
            assertNotNull(loader.loaded("javafx.application.Application"));
        }
    }

    @Test
    void dispatchRules() throws Exception {
        Class<?> launcher = Class.forName("org.savevminspector.app.Launcher");
        Method startsGui = launcher.getDeclaredMethod("startsGui", String[].class);
        startsGui.setAccessible(true);
        assertTrue((Boolean) startsGui.invoke(null, (Object) new String[0]));
        assertTrue((Boolean) startsGui.invoke(null, (Object) new String[] {"/tmp/guest.sav"}));
        for (String[] cli : new String[][] {{"inspect", "f"}, {"check", "a", "b"}, {"--help"}, {"--version"},
            {"help"}, {"inspect"}, {"diff"}, {"frobnicate"}}) {
            assertEquals(false, startsGui.invoke(null, (Object) cli), String.join(" ", cli));
        }
    }

    @Test
    void twoFilesOpenTheCompareWindowWhenTheFirstExists() throws Exception {
        Method startsGui = Class.forName("org.savevminspector.app.Launcher").getDeclaredMethod("startsGui", String[].class);
        startsGui.setAccessible(true);
        Path a = Files.write(dir.resolve("a.qevm"), new byte[] {1});
        Path b = dir.resolve("b.qevm"); // need not exist: the compare window says it cannot be read
        assertTrue((Boolean) startsGui.invoke(null, (Object) new String[] {a.toString(), b.toString()}));
        for (String[] cli : new String[][] {
            {"inspcet", a.toString()}, // a mistyped command: no such file, so the CLI says what is wrong
            {dir.resolve("missing.sav").toString(), a.toString()},
            {"diff", a.toString(), b.toString()}, {a.toString(), "--format"}, {a.toString(), b.toString(), b.toString()}}) {
            assertEquals(false, startsGui.invoke(null, (Object) cli), String.join(" ", cli));
        }
    }
}
