package org.savevminspector.app.gui.session;

import java.util.List;
import java.util.function.Function;
import org.savevminspector.app.gui.model.NodeKind;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * Moving a session's selection through the structure: go to an offset, the next or previous section or field
 * from the caret, the whole section under the caret. Each does nothing while no file is open; a step that cannot
 * be taken says why, for the status bar.
 */
public final class Navigator {
    private final ViewSession session;

    public Navigator(ViewSession session) {
        this.session = session;
    }

    /** Moves the caret to {@code offset} and selects its node, as a click there would. */
    public void goTo(long offset) {
        selectBytes(offset, 1);
    }

    /** Selects {@code [start, start+length)} with the caret on its first byte, and the node holding it. */
    public void selectBytes(long start, long length) {
        session.selectBytes(start, length, start);
    }

    /** The next section; when there is none, says why ("Last section …") and stays. {@code null}: moved. */
    public String nextSection() {
        return step(s -> selectSection(s.nextSection(session.caret())) ? null
                : current().isEmpty() ? "No section after the cursor."
                : "Last section" + current() + ": there is no section after it.");
    }

    /** The previous section; when there is none, says why. {@code null}: moved. */
    public String previousSection() {
        return step(s -> selectSection(s.previousSection(session.caret())) ? null
                : current().isEmpty() ? "No section before the cursor."
                : "First section" + current() + ": there is no section before it.");
    }

    /**
     * The next field; on a section (or other non-leaf) row with the caret on its first byte, the first field in
     * it. When there is none, says why. {@code null}: moved.
     */
    public String nextField() {
        Document d = session.document();
        StructureNode sel = session.selection().node();
        boolean fromContainer = d != null && sel != null && sel.offset() == session.caret() && !d.tree().isLeaf(sel);
        return step(s -> selectField(s.nextField(session.caret(), fromContainer)) ? null
                : noField("Last field of the section: F8 goes to the next section."));
    }

    /** The previous field within the section; when there is none, says why. {@code null}: moved. */
    public String previousField() {
        return step(s -> {
            if (selectField(s.previousField(session.caret()))) {
                return null;
            }
            StructureNode sel = session.selection().node();
            return noField(sel != null && sel.kind() == NodeKind.SECTION
                    ? "A section row: fields step within a section; Shift+F8 goes to the previous section."
                    : "First field of the section: Shift+F8 goes to the previous section.");
        });
    }

    /** {@code why}, or that the caret is in no section at all (file header, EOF marker, a container record). */
    private String noField(String why) {
        return StructureTree.sectionOf(session.document().tree().path(session.caret())) == null
                ? "Not in a section: fields step within a section (F8 goes to the next one)." : why;
    }

    /** " (#23 piix4acpi)": the section holding the caret, for messages. */
    private String current() {
        StructureNode n = StructureTree.sectionOf(session.document().tree().path(session.caret()));
        return n == null ? "" : " (#" + n.sectionIndex() + " " + n.name() + ")";
    }

    /** Selects the whole section (or other top-level node) holding the caret. */
    public void selectSectionAtCaret() {
        Document d = session.document();
        if (d == null) {
            return;
        }
        List<StructureNode> path = d.tree().path(session.caret());
        if (!path.isEmpty()) {
            // in a save image the section sits inside the device-model record: select it, not the whole record
            StructureNode n = StructureTree.sectionOf(path);
            session.selectNode(n == null ? path.subList(0, 1) : path.subList(0, path.indexOf(n) + 1));
        }
    }

    /** Runs {@code move} with a stepper over the open file; stepping does nothing (and says nothing) without one. */
    private String step(Function<Stepper, String> move) {
        Document d = session.document();
        return d == null ? null : move.apply(new Stepper(d.tree()));
    }

    private boolean selectSection(int index) {
        if (index < 0) {
            return false;
        }
        Document d = session.document();
        Section sec = d.inspection().sections().get(index);
        List<StructureNode> path = d.tree().path(sec.header().offset());
        StructureNode n = StructureTree.sectionOf(path);
        if (n != null) {
            session.selectNode(path.subList(0, path.indexOf(n) + 1));
        }
        return n != null;
    }

    private boolean selectField(Field f) {
        if (f == null) {
            return false;
        }
        List<StructureNode> path = session.document().tree().path(f.span().offset());
        if (!path.isEmpty()) {
            session.selectNode(path);
        }
        return !path.isEmpty();
    }
}
