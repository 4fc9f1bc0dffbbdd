package org.savevminspector.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Code comments, tests and docs cite the format reference by heading ({@code §B.1}, {@code §C.6},
 * {@code Appendix X.2}); every such citation anywhere in the repository must name a heading of
 * {@code docs/FORMAT.md}, and nothing may cite working material from outside the repository. The shell
 * version of the same check is in the preamble of docs/FORMAT.md.
 */
class FormatCitationsTest {

    /** An id as the document numbers its headings: a capital letter, then dot-separated numbers (X.1b). */
    private static final String ID = "[A-Z](?:\\.[0-9]+[a-z]?)*";
    private static final Pattern CITATION = Pattern.compile("§(" + ID + ")|Appendix (" + ID + ")");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (?:§(" + ID + ")|Appendix (" + ID + "))\\.?(?: |$)");
    /** Text files that may carry citations; binary fuzz inputs and build output are never read. */
    private static final Pattern TEXT = Pattern.compile(".*\\.(java|md|xml|sh|css|properties|txt|json|desktop|fxml)");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".cifuzz-corpus", "node_modules");
    private static final String OUTSIDE = "shared/" + "(format|reference|notes)|qemu-dm-savevm-" + "format";

    private final Path root = repositoryRoot();

    @Test
    void everyCitedSectionIsAHeading() throws IOException {
        Set<String> headings = new TreeSet<>(headingIds());
        List<String> missing = new ArrayList<>();
        Set<String> cited = new TreeSet<>();
        for (Path file : textFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CITATION.matcher(lines.get(i));
                while (m.find()) {
                    String id = m.group(1) != null ? "§" + m.group(1) : "Appendix " + m.group(2);
                    cited.add(id);
                    if (!headings.contains(id)) {
                        missing.add(root.relativize(file) + ":" + (i + 1) + " cites " + id);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "citations without a heading in docs/FORMAT.md");
        // the scan really read the repository: citations known to be in README.md and the loader's comments
        assertTrue(cited.containsAll(List.of("§C.6", "§D.7", "§B.5.3", "Appendix V", "Appendix X.1b")), cited.toString());
    }

    @Test
    void headingsAreUniqueAndKeepTheNumbering() throws IOException {
        List<String> ids = headingIds();
        assertEquals(new TreeSet<>(ids).size(), ids.size(), "a heading number used twice: " + ids);
        for (String id : List.of("§A.1", "§A.13", "§B.1", "§B.2.4", "§B.3.27", "§B.5.4", "§B.6", "§C.1", "§C.6", "§D.1",
                "§D.7", "§E.1", "Appendix V", "Appendix X", "Appendix X.9", "Appendix Y", "Appendix Z")) {
            assertTrue(ids.contains(id), id + " is not a heading");
        }
    }

    @Test
    void nothingCitesMaterialOutsideTheRepository() throws IOException {
        Pattern outside = Pattern.compile(OUTSIDE);
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            if (file.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (outside.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), found, "cite docs/FORMAT.md instead");
    }

    private List<String> headingIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("docs/FORMAT.md"), StandardCharsets.UTF_8)) {
            Matcher m = HEADING.matcher(line);
            if (m.find()) {
                ids.add(m.group(1) != null ? "§" + m.group(1) : "Appendix " + m.group(2));
            }
        }
        return ids;
    }

    private List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return SKIPPED_DIRS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && TEXT.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** The module's working directory or one above it: the directory holding docs/FORMAT.md. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/FORMAT.md")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no docs/FORMAT.md above " + dir));
    }
}
