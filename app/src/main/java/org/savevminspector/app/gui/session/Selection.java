package org.savevminspector.app.gui.session;

import java.util.List;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.diagnostics.Diagnostic;

/**
 * What a session has selected: a node (with its path from the top of the tree), a byte range, the caret, and the
 * problem the selection shows, if it came from one. The range is not always the node's span: a problem selects
 * the bytes it points at, a drag in the hex pane any bytes, a find match the match.
 *
 * <p>Each act of selecting makes a new object and no two are equal, so that selecting the same bytes again is
 * still a change every view hears of.
 */
public final class Selection {
    /** Nothing selected, caret on the first byte: what a document opens with. */
    public static final Selection NONE = new Selection(List.of(), 0, 0, 0, null);

    private final List<StructureNode> path;
    private final long start;
    private final long length;
    private final long caret;
    private final Diagnostic problem;

    /**
     * @param path    top-level node first, the selected node last; empty when no node is selected
     * @param problem the problem this selection shows (its bytes, its explanation), or {@code null}
     */
    public Selection(List<StructureNode> path, long start, long length, long caret, Diagnostic problem) {
        this.path = List.copyOf(path);
        this.start = start;
        this.length = length;
        this.caret = caret;
        this.problem = problem;
    }

    /** The selected node, or {@code null}. */
    public StructureNode node() {
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }

    public List<StructureNode> path() {
        return path;
    }

    public long start() {
        return start;
    }

    public long length() {
        return length;
    }

    public long caret() {
        return caret;
    }

    public Diagnostic problem() {
        return problem;
    }

    /** The same node and bytes, no longer showing a problem (after a re-simulation, whose problems are others). */
    public Selection withoutProblem() {
        return problem == null ? this : new Selection(path, start, length, caret, null);
    }

    @Override
    public String toString() {
        StructureNode n = node();
        return "Selection[" + (n == null ? "-" : n.path()) + " @" + start + "+" + length + " caret " + caret
                + (problem == null ? "" : " " + problem.code()) + "]";
    }
}
