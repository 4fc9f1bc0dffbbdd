package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.app.gui.model.NodeDetail;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diagnostics.Severity;

/**
 * The Detail tab: what is selected in a session, in full. A problem's message and explanation above the detail of
 * the node holding it; a node's type, offset, size, raw bytes, value and meaning with its diagnostics; the file's
 * summary while nothing is selected. A re-simulation shows the node's diagnostics of the new loader.
 */
final class SelectionDetail extends DetailPane {
    private final ViewSession session;

    SelectionDetail(ViewSession session) {
        this.session = session;
        session.documentProperty().addListener((o, a, b) -> refresh());
        session.selectionProperty().addListener((o, a, b) -> refresh());
    }

    private void refresh() {
        Document d = session.document();
        show(d == null ? List.of() : lines(d, session.selection()));
    }

    private static List<DetailLine> lines(Document d, Selection s) {
        StructureNode n = s.node();
        List<DetailLine> out = new ArrayList<>();
        if (s.problem() != null) {
            out.addAll(NodeDetail.of(s.problem()));
            if (n != null) {
                out.add(new DetailLine("", "", ""));
            }
        }
        if (n != null) {
            out.addAll(NodeDetail.of(d.tree(), n, d.hexSource()));
        } else if (s.problem() == null) {
            out.addAll(fileSummary(d));
        }
        return out;
    }

    private static List<DetailLine> fileSummary(Document d) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("File", d.displayName(), "title"));
        out.add(new DetailLine("Size", d.size() + " bytes", ""));
        out.add(new DetailLine("Format", d.inspection().parse().format().json(), ""));
        out.add(new DetailLine("Sections", Integer.toString(d.inspection().sections().size()), ""));
        if (d.inspection().loader() != null) {
            out.add(NodeDetail.loader("Upstream loader", d.inspection().loader(), ""));
        }
        Severity s = d.inspection().highestSeverity();
        out.add(new DetailLine("Diagnostics", d.inspection().diagnostics().size()
                + (s == null ? "" : " (highest: " + s.json() + ")") + " — F2 steps through them", s == null ? "" : s.json()));
        return out;
    }
}
