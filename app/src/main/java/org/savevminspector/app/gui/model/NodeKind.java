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
    UNPARSED,
    /** A record of a save image around the QEVM stream (signature, header, chunk, the device-model record…). */
    CONTAINER_RECORD,
    /** A run of page-data batches of a save image; its batches are listed only when it is expanded. */
    PAGE_RUN,
    PAGE_BATCH,
    /** The batches of a page run past the listed ones, summarised in one zero-length node. */
    MORE_BATCHES,
    /** The QEVM bytes of an image when no record encloses them. */
    QEVM_STREAM,
    /** The virtual disk of a VHD the file was read out of: above the save image. */
    DISK,
    /** A structure of that VHD (footer, dynamic header, BAT…): it lies in the VHD file, not in the virtual disk. */
    DISK_PART,
    /**
     * A run of consecutive top-level nodes of a stream with very many sections (a thousand per group, groups of
     * groups beyond): the tree then never has more than {@value StructureTree#MAX_CHILDREN} rows per level.
     */
    GROUP
}
