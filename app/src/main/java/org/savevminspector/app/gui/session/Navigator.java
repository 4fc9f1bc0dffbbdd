package org.savevminspector.app.gui.session;

import java.util.List;
import java.util.function.Consumer;
import org.savevminspector.app.gui.model.Stepper;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * Moving a session's selection through the structure: go to an offset, the next or previous section or field
 * from the caret, the whole section under the caret. Each does nothing while no file is open.
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

    public void nextSection() {
        step(s -> selectSection(s.nextSection(session.caret())));
    }

    public void previousSection() {
        step(s -> selectSection(s.previousSection(session.caret())));
    }

    /** The next field; on a section (or other non-leaf) row with the caret on its first byte, the first field in it. */
    public void nextField() {
        Document d = session.document();
        StructureNode sel = session.selection().node();
        boolean fromContainer = d != null && sel != null && sel.offset() == session.caret() && !d.tree().isLeaf(sel);
        step(s -> selectField(s.nextField(session.caret(), fromContainer)));
    }

    public void previousField() {
        step(s -> selectField(s.previousField(session.caret())));
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

    /** Runs {@code move} with a stepper over the open file; stepping does nothing without one. */
    private void step(Consumer<Stepper> move) {
        Document d = session.document();
        if (d != null) {
            move.accept(new Stepper(d.tree()));
        }
    }

    private void selectSection(int index) {
        if (index < 0) {
            return;
        }
        Document d = session.document();
        Section sec = d.inspection().sections().get(index);
        List<StructureNode> path = d.tree().path(sec.header().offset());
        StructureNode n = StructureTree.sectionOf(path);
        if (n != null) {
            session.selectNode(path.subList(0, path.indexOf(n) + 1));
        }
    }

    private void selectField(Field f) {
        if (f == null) {
            return;
        }
        List<StructureNode> path = session.document().tree().path(f.span().offset());
        if (!path.isEmpty()) {
            session.selectNode(path);
        }
    }
}
