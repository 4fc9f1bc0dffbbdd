package org.savevminspector.app.gui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.Span;

/** The session and the actions on it, without a window (JavaFX properties need no toolkit). */
class ViewSessionTest {

    /** A byte source that says whether it was closed. */
    private static final class Source implements ByteSource {
        private final ByteSource bytes;
        boolean closed;

        Source(byte[] b) {
            bytes = ByteSource.of(b);
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public int read(long pos, byte[] dst, int off, int len) {
            return bytes.read(pos, dst, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Document document(String name, byte[] bytes) {
        Inspection in = Inspector.standard().inspect(ByteSource.of(bytes));
        return new Document(Path.of("/tmp", name), name, false, in, new StructureTree(in), Anomalies.of(in),
                new Source(bytes));
    }

    @Test
    void openingShowsTheDocumentWithNothingSelectedAndClosesThePreviousOne() {
        ViewSession s = new ViewSession();
        List<String> heard = new ArrayList<>();
        s.documentProperty().addListener((o, a, d) -> heard.add("document " + (d == null ? null : d.displayName())
                + " with " + s.selection()));
        Document first = document("sample.qevm", Fixtures.sample());
        s.open(first);
        new Navigator(s).goTo(7230);
        s.setMatch(new Span(7217, 9));
        Document second = document("clean.qevm", Fixtures.defaultGuest().bytes());
        s.open(second);
        assertSame(second, s.document());
        assertSame(Selection.NONE, s.selection());
        assertNull(s.match());
        assertNull(s.problem());
        assertTrue(((Source) first.hexSource()).closed);
        assertFalse(((Source) second.hexSource()).closed);
        // a view taking the new document never meets the old document's node
        assertEquals(List.of("document sample.qevm with " + Selection.NONE, "document clean.qevm with " + Selection.NONE), heard);
        s.open(null);
        assertNull(s.document());
        assertTrue(((Source) second.hexSource()).closed);
    }

    @Test
    void goingToAByteSelectsItsInnermostNodeAndSelectionsAreCutToTheFile() {
        ViewSession s = new ViewSession();
        s.open(document("sample.qevm", Fixtures.sample()));
        Navigator nav = new Navigator(s);
        nav.goTo(7231);
        assertEquals("piix4acpi › header › version_id", s.selection().node().path());
        assertEquals(7231, s.selection().start());
        assertEquals(1, s.selection().length());
        assertEquals(7231, s.caret());
        nav.selectBytes(7512, 12); // a loader's read over the EOF marker and past the end
        assertEquals(7512, s.selection().start());
        assertEquals(8, s.selection().length());
        assertEquals("EOF marker", s.selection().node().name());
        nav.selectSectionAtCaret();
        assertEquals(List.of("EOF marker"), s.selection().path().stream().map(StructureNode::name).toList());
        nav.goTo(7231);
        nav.selectSectionAtCaret();
        assertEquals("piix4acpi", s.selection().node().name());
        assertEquals(7211, s.selection().start());
        assertEquals(301, s.selection().length());
    }

    @Test
    void sectionAndFieldSteppingFromTheCaret() {
        ViewSession s = new ViewSession();
        s.open(document("sample.qevm", Fixtures.sample()));
        Navigator nav = new Navigator(s);
        nav.nextSection();
        assertEquals("ram (start)", s.selection().node().name());
        assertEquals(8, s.caret());
        nav.nextSection();
        assertEquals("ram (part)", s.selection().node().name());
        nav.previousSection();
        assertEquals("ram (start)", s.selection().node().name());
        nav.nextField(); // on a section row at its first byte: into it
        assertEquals("section_type", s.selection().node().name());
        assertEquals(8, s.caret());
    }

    @Test
    void problemsStepFromTheCaretAndSayWhenTheyWrap() {
        ViewSession s = new ViewSession();
        s.open(document("sample.qevm", Fixtures.sample()));
        ProblemSteps problems = new ProblemSteps(s);
        problems.showFirst();
        assertEquals(DiagnosticCode.VERSION_LABEL_MISMATCH, s.problem().code());
        assertSame(s.problem(), s.selection().problem());
        assertEquals("piix4acpi › header › version_id", s.selection().node().path());
        assertEquals(7230, s.selection().start());
        assertEquals(4, s.selection().length());
        int n = s.document().inspection().diagnostics().size();
        assertEquals("Problem 3 of " + n, problems.next());
        new Navigator(s).goTo(7519);
        assertEquals("Problem 1 of " + n + " — wrapped round to the first problem", problems.next());
        assertEquals("Problem " + n + " of " + n + " — wrapped round to the last problem", problems.previous());
        new Navigator(s).goTo(0x40);
        assertNull(s.selection().problem(), "a selection elsewhere shows no problem");
        assertEquals("Problem 1 of " + n, problems.next());

        ViewSession clean = new ViewSession();
        clean.open(document("clean.qevm", Fixtures.defaultGuest().bytes()));
        assertEquals(0, clean.document().inspection().diagnostics().size());
        assertEquals("No problems in this file.", new ProblemSteps(clean).next());
        assertNull(new ProblemSteps(new ViewSession()).next(), "nothing to say without a file");
    }

    @Test
    void anotherLoaderKeepsTheNodesAndTheSelectionAndStaysForTheNextFile() {
        ViewSession s = new ViewSession();
        s.open(document("xs62.qevm", Fixtures.xenServer62().bytes()));
        Document upstream = s.document();
        new ProblemSteps(s).showFirst();
        Selection shown = s.selection();
        s.useLoader(LoaderProfiles.find("xenserver-6.0-6.2").orElseThrow());
        Document resimulated = s.document();
        assertTrue(resimulated.sameFile(upstream), "same bytes, same nodes");
        assertEquals("xenserver-6.0-6.2", resimulated.inspection().loader().profile());
        assertEquals(shown.path(), s.selection().path());
        assertEquals(shown.start(), s.selection().start());
        assertNull(s.selection().problem(), "the problems are the new loader's");
        assertNull(s.problem());
        assertFalse(((Source) upstream.hexSource()).closed, "the re-simulation still shows these bytes");

        s.open(document("xs62-again.qevm", Fixtures.xenServer62().bytes()));
        assertEquals("xenserver-6.0-6.2", s.document().inspection().loader().profile(), "the choice stays");
    }
}
