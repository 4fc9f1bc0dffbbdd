package org.savevminspector.app.gui.model;

/** What a node of the structure tree stands for; every byte of a file belongs to a node of one of these kinds. */
public enum NodeKind {
    FILE_HEADER,
    SECTION,
    SECTION_HEADER,
    FIELD,
    /** Body bytes that no decoder describes field by field. */
    RAW_BODY,
    EOF_MARKER,
    TRAILING,
    UNPARSED
}
