package org.savevminspector.app.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the application passes {@value #MAX_LINES} lines (issue 15): past that a class has grown a second
 * job, and the GUI had grown hubs that way (a 910-line main window). Split it along its jobs into small named
 * classes rather than raising the limit.
 */
class ClassSizeTest {
    static final int MAX_LINES = 400;
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "savevminspector", "app");

    /** Lines of every source file of the application, by path under {@code org/savevminspector/app}. */
    private static Map<String, Integer> sizes() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                out.put(SOURCES.relativize(p).toString().replace('\\', '/'),
                        Files.readAllLines(p, StandardCharsets.UTF_8).size());
            }
        }
        return out;
    }

    @Test
    void theScanReadsTheApplicationsSources() throws IOException {
        // a scan of an empty or wrong folder passes whatever the code does
        Map<String, Integer> sizes = sizes();
        assertTrue(sizes.size() > 100, "too few sources under " + SOURCES.toAbsolutePath() + ": " + sizes.size());
        assertTrue(sizes.containsKey("gui/MainWindow.java"), sizes.keySet().toString());
        assertTrue(sizes.containsKey("gui/hex/HexView.java"), sizes.keySet().toString());
        assertEquals(Files.readAllLines(SOURCES.resolve("Launcher.java")).size(), sizes.get("Launcher.java"));
    }

    @Test
    void noClassOfTheApplicationPassesTheLimit() throws IOException {
        Map<String, Integer> over = new TreeMap<>();
        sizes().forEach((file, lines) -> {
            if (lines > MAX_LINES) {
                over.put(file, lines);
            }
        });
        assertEquals(Map.of(), over, "classes over " + MAX_LINES + " lines: split each along its jobs");
    }
}
