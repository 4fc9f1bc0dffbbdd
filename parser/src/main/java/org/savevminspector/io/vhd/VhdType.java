package org.savevminspector.io.vhd;

/** The footer's Disk Type (VHD specification, "Hard Disk Footer Format"): the three kinds a reader meets. */
public enum VhdType {
    FIXED(2, "fixed"),
    DYNAMIC(3, "dynamic"),
    DIFFERENCING(4, "differencing");

    private final int code;
    private final String json;

    VhdType(int code, String json) {
        this.code = code;
        this.json = json;
    }

    public int code() {
        return code;
    }

    /** {@code fixed}, {@code dynamic}, {@code differencing}: as reports name it. */
    public String json() {
        return json;
    }

    /** Whether the disk has a dynamic header, a block allocation table and data blocks. */
    public boolean sparse() {
        return this != FIXED;
    }

    /** The type of {@code code}, or {@code null} (0 none, 1 and 5 reserved/deprecated, anything else). */
    public static VhdType of(long code) {
        for (VhdType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
