package org.savevminspector.app.gui.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.savevminspector.model.Section;
import org.savevminspector.stream.ParseResult;

/**
 * The QEVM stream's top-level nodes: the file header, the sections, the EOF marker, unparsed and trailing bytes, in
 * offset order. Past {@value StructureTree#MAX_CHILDREN} of them the section nodes are made as asked for: for a
 * million sections only the nodes of the groups expanded exist.
 */
final class StreamNodes {
    private StreamNodes() {
    }

    static List<StructureNode> of(ParseResult parse) {
        List<StructureNode> head = new ArrayList<>(1);
        List<StructureNode> tail = new ArrayList<>(3);
        if (parse.header() != null && parse.header().span().length() > 0) {
            head.add(new StructureNode(NodeKind.FILE_HEADER, "file header", parse.header().span(), -1, null, ""));
        }
        if (parse.eof() != null) {
            tail.add(new StructureNode(NodeKind.EOF_MARKER, "EOF marker", parse.eof(), -1, null, ""));
        }
        if (parse.unparsed() != null && parse.unparsed().length() > 0) {
            tail.add(new StructureNode(NodeKind.UNPARSED, "unparsed bytes", parse.unparsed(), -1, null, ""));
        }
        if (parse.trailing() != null && parse.trailing().length() > 0) {
            tail.add(new StructureNode(NodeKind.TRAILING, "trailing bytes", parse.trailing(), -1, null, ""));
        }
        tail.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        List<Section> sections = parse.sections();
        int n = sections.size();
        boolean inOrder = n == 0 || ((head.isEmpty() || head.get(0).end() <= sections.get(0).header().offset())
                && (tail.isEmpty() || sections.get(n - 1).span().end() <= tail.get(0).offset()));
        if (!inOrder || head.size() + n + tail.size() <= StructureTree.MAX_CHILDREN) {
            List<StructureNode> out = new ArrayList<>(head.size() + n + tail.size());
            out.addAll(head);
            for (Section s : sections) {
                out.add(sectionNode(s));
            }
            out.addAll(tail);
            out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            return Collections.unmodifiableList(out);
        }
        return new AbstractList<>() {
            @Override
            public StructureNode get(int i) {
                if (i < head.size()) {
                    return head.get(i);
                }
                return i - head.size() < n ? sectionNode(sections.get(i - head.size())) : tail.get(i - head.size() - n);
            }

            @Override
            public int size() {
                return head.size() + n + tail.size();
            }
        };
    }

    private static StructureNode sectionNode(Section s) {
        return new StructureNode(NodeKind.SECTION, sectionName(s), s.span(), s.index(), null, "");
    }

    /** {@code ram} START/PART/END get their type in the label so the three live sections can be told apart. */
    private static String sectionName(Section s) {
        return switch (s.type()) {
            case START, PART, END -> s.idstr() + " (" + s.type().json() + ")";
            default -> s.idstr();
        };
    }
}
