package org.savevminspector.model;

/** Section type bytes of a v3 stream ({@code QT savevm.c} l.675–679) plus the record of the v2/v1 formats. */
public enum SectionType {
    EOF(0x00, "eof"),
    START(0x01, "start"),
    PART(0x02, "part"),
    END(0x03, "end"),
    FULL(0x04, "full"),
    /** A self-delimiting record of the v2-compat or v1 format (FORMAT.md A.12, FORMAT.md A.13); not a byte value on the wire. */
    RECORD(-1, "record");

    private final int code;
    private final String json;

    SectionType(int code, String json) {
        this.code = code;
        this.json = json;
    }

    public int code() {
        return code;
    }

    /** The lower-case name used in JSON output. */
    public String json() {
        return json;
    }

    /** The v3 type for a wire byte, or {@code null} when the byte is not a section type. */
    public static SectionType fromCode(int b) {
        switch (b) {
            case 0x00: return EOF;
            case 0x01: return START;
            case 0x02: return PART;
            case 0x03: return END;
            case 0x04: return FULL;
            default: return null;
        }
    }

    /**
     * START and FULL carry the full 14+L byte header (idstr, instance, version; FORMAT.md A.4), as a v2/v1 record does in
     * its 13+L bytes (FORMAT.md A.12); PART and END only the 5-byte one.
     */
    public boolean hasFullHeader() {
        return this == START || this == FULL || this == RECORD;
    }
}
