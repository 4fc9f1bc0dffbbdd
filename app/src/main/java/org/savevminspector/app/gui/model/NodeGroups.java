package org.savevminspector.app.gui.model;

import static org.savevminspector.app.gui.model.StructureTree.GROUP;
import static org.savevminspector.app.gui.model.StructureTree.MAX_CHILDREN;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * The stream's top level: its nodes themselves, or — past {@value StructureTree#MAX_CHILDREN} of them — groups of
 * {@value StructureTree#GROUP} consecutive nodes, and groups of groups when even the groups are too many, so that
 * no level of the tree (and of the view's items) has more rows than that.
 *
 * @param nodes  the stream's top-level nodes behind the groups
 * @param top    what the tree shows at the stream's top level: the groups, or the nodes when not grouped
 * @param ranges each group's range in {@code nodes}; empty when not grouped
 * @param sizes  how many nodes each group's children stand for each
 */
record NodeGroups(List<StructureNode> nodes, List<StructureNode> top, Map<StructureNode, int[]> ranges,
                  Map<StructureNode, Long> sizes) {

    static NodeGroups of(ParseResult parse) {
        List<StructureNode> nodes = StreamNodes.of(parse);
        if (nodes.size() <= MAX_CHILDREN) {
            return new NodeGroups(nodes, nodes, Map.of(), Map.of());
        }
        long size = GROUP;
        while ((nodes.size() + size - 1) / size > MAX_CHILDREN) {
            size *= GROUP;
        }
        NodeGroups g = new NodeGroups(nodes, new ArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        g.top().addAll(g.level(0, nodes.size(), size));
        return new NodeGroups(nodes, Collections.unmodifiableList(g.top()), g.ranges(), g.sizes());
    }

    /** Groups of {@code size} nodes covering nodes {@code [from, to)}. */
    List<StructureNode> level(int from, int to, long size) {
        List<StructureNode> out = new ArrayList<>((int) Math.min(MAX_CHILDREN, (to - from + size - 1) / size));
        for (long a = from; a < to; a += size) {
            int b = (int) Math.min(to, a + size);
            StructureNode first = nodes.get((int) a);
            StructureNode last = nodes.get(b - 1);
            int firstSection = firstSection((int) a, b, 1);
            int lastSection = firstSection(b - 1, (int) a - 1, -1);
            String name = firstSection < 0 ? "nodes " + a + "–" + (b - 1)
                    : "sections #" + firstSection + "–#" + lastSection;
            Span span = new Span(first.offset(), last.end() - first.offset());
            StructureNode group = new StructureNode(NodeKind.GROUP, name, span, -1, null, "", null,
                    (lastSection - firstSection + 1) + " sections, " + span.length() + " bytes");
            ranges.put(group, new int[] {(int) a, b});
            sizes.put(group, size);
            out.add(group);
        }
        return out;
    }

    /** The section index of the first section node from {@code from} towards {@code to} (exclusive), or -1. */
    private int firstSection(int from, int to, int step) {
        for (int i = from; i != to; i += step) {
            if (nodes.get(i).kind() == NodeKind.SECTION) {
                return nodes.get(i).sectionIndex();
            }
        }
        return -1;
    }

    /** A group's children: its nodes, or its groups one level down. */
    List<StructureNode> children(StructureNode group) {
        int[] r = ranges.get(group);
        long size = sizes.get(group);
        if (size > GROUP) {
            return level(r[0], r[1], size / GROUP);
        }
        return List.copyOf(nodes.subList(r[0], r[1]));
    }
}
