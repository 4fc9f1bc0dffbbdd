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
 * Code comments, tests, messages and docs cite the format reference by file and heading number
 * ({@code FORMAT.md B.1}, {@code docs/FORMAT.md C.6}, {@code FORMAT.md X.2}); every such citation anywhere in the
 * repository must name a heading of {@code docs/FORMAT.md}, no text may use the numbering without naming the
 * document (a section sign, or an appendix by its letter alone), and nothing may cite working material from outside the repository.
 * The shell version of the same check is in the preamble of docs/FORMAT.md.
 */
class FormatCitationsTest {

    /** An id as the document numbers its headings: a part (a capital letter or 0), then dot-separated numbers (X.1b). */
    private static final String ID = "[A-Z0-9](?:\\.[0-9]+[a-z]?)*";
    /** {@code FORMAT.md B.3.27}, {@code `docs/FORMAT.md` C}, {@code docs/FORMAT.md, part X}. */
    private static final Pattern CITATION = Pattern.compile("FORMAT\\.md`?,? (?:part )?(" + ID + ")(?![A-Za-z0-9])");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (" + ID + ")\\.?(?: |$)");
    /** The numbering without the document's name: the section sign, or an appendix letter. */
    private static final Pattern UNNAMED = Pattern.compile("\u00a7|Appendix [A-Z]\\b");
    /** Text files that may carry citations; binary fuzz inputs and build output are never read. */
    private static final Pattern TEXT = Pattern.compile(".*\\.(java|md|xml|sh|css|properties|txt|json|desktop|fxml)");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".cifuzz-corpus", "node_modules");
    private static final String OUTSIDE = "shared" + "/|qemu-dm-savevm-" + "format";

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
                    String id = m.group(1);
                    cited.add(id);
                    if (!headings.contains(id)) {
                        missing.add(root.relativize(file) + ":" + (i + 1) + " cites " + id);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "citations without a heading in docs/FORMAT.md");
        // the scan really read the repository: citations known to be in README.md and the loader's comments
        assertTrue(cited.containsAll(List.of("C.6", "D.7", "B.5.3", "V", "X.1b")), cited.toString());
    }

    @Test
    void headingsAreUniqueAndKeepTheNumbering() throws IOException {
        List<String> ids = headingIds();
        assertEquals(new TreeSet<>(ids).size(), ids.size(), "a heading number used twice: " + ids);
        for (String id : List.of("0.2", "A.1", "A.13", "B.1", "B.2.4", "B.3.27", "B.5.4", "B.6", "C", "C.1", "C.6", "D.1",
                "D.7", "E.1", "V", "X", "X.9", "Y", "Z")) {
            assertTrue(ids.contains(id), id + " is not a heading");
        }
    }

    @Test
    void nothingCitesMaterialOutsideTheRepository() throws IOException {
        assertEquals(List.of(), linesMatching(Pattern.compile(OUTSIDE)), "cite docs/FORMAT.md instead");
    }

    @Test
    void everyCitationNamesTheDocument() throws IOException {
        assertEquals(List.of(), linesMatching(UNNAMED), "write FORMAT.md B.3.27, not a bare section number");
    }

    private List<String> linesMatching(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            if (file.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1));
                }
            }
        }
        return found;
    }

    private List<String> headingIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("docs/FORMAT.md"), StandardCharsets.UTF_8)) {
            Matcher m = HEADING.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
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
