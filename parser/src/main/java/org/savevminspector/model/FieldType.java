package org.savevminspector.model;

/**
 * Wire types of the QEVM stream (big-endian, {@code QT savevm.c:qemu_put_be*}) and of the PCI configuration
 * space embedded in it (little-endian, FORMAT.md B.2.1). {@link #STRUCT} and {@link #ARRAY} only group children.
 */
public enum FieldType {
    U8(1, false, false, "u8"),
    S8(1, true, false, "s8"),
    BE16(2, false, false, "be16"),
    BE32(4, false, false, "be32"),
    SBE32(4, true, false, "sbe32"),
    BE64(8, false, false, "be64"),
    SBE64(8, true, false, "sbe64"),
    LE16(2, false, true, "le16"),
    LE32(4, false, true, "le32"),
    /** Signed little-endian 32-bit: the chunk ids of a legacy libxc stream (FORMAT.md D.1). */
    SLE32(4, true, true, "sle32"),
    /** Little-endian 64-bit: Xen save-image containers (FORMAT.md D.1, FORMAT.md D.4, FORMAT.md D.5). */
    LE64(8, false, true, "le64"),
    BYTES(0, false, false, "bytes"),
    ASCII(0, false, false, "ascii"),
    STRUCT(0, false, false, "struct"),
    ARRAY(0, false, false, "array");

    private final int size;
    private final boolean signed;
    private final boolean littleEndian;
    private final String label;

    FieldType(int size, boolean signed, boolean littleEndian, String label) {
        this.size = size;
        this.signed = signed;
        this.littleEndian = littleEndian;
        this.label = label;
    }

    /** Fixed width in bytes; 0 for variable-length and grouping types. */
    public int size() {
        return size;
    }

    public boolean isScalar() {
        return size > 0;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isLittleEndian() {
        return littleEndian;
    }

    /** The name used in JSON output and in the detail panel, e.g. {@code be32}. */
    public String label() {
        return label;
    }
}
