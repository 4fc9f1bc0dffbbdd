package org.savevminspector.app.gui.model;

import org.savevminspector.container.ContainerRecord;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * One node of the structure tree: a section, a header, a field, the EOF marker… Children are not stored here but
 * created on demand by {@link StructureTree#children(StructureNode)}, so a tree of a file with thousands of
 * sections costs one small record per visible node.
 *
 * @param kind         what the node stands for
 * @param name         label (idstr for sections, field name for fields)
 * @param span         the bytes the node covers
 * @param sectionIndex index of the section the node belongs to, or -1
 * @param field        the decoded field for {@link NodeKind#FIELD} nodes (and header-field nodes), else {@code null}
 * @param parentPath   the path of the parent node for the status bar ({@code ""} at top level)
 * @param record       for the nodes of a save image's container: the record behind the node, else {@code null}
 * @param summary      for container nodes: the one-line value shown (record type, page summary), else {@code null}
 */
public record StructureNode(NodeKind kind, String name, Span span, int sectionIndex, Field field, String parentPath,
                            ContainerRecord record, String summary) {

    /** A node of the QEVM stream (no container record behind it). */
    public StructureNode(NodeKind kind, String name, Span span, int sectionIndex, Field field, String parentPath) {
        this(kind, name, span, sectionIndex, field, parentPath, null, null);
    }

    /** The node's path, e.g. {@code piix4acpi › pci › config}. */
    public String path() {
        return parentPath.isEmpty() ? name : parentPath + " › " + name;
    }

    public long offset() {
        return span.offset();
    }

    public long end() {
        return span.end();
    }

    /** The decoded value for display, or {@code ""} when the node has none. */
    public String valueText() {
        return field == null ? "" : field.display();
    }
}
