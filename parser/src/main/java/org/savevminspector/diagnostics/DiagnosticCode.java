package org.savevminspector.diagnostics;

/**
 * Stable diagnostic codes. The names are part of the JSON/SARIF contract; each has one fixed severity and a
 * Wireshark-style group.
 */
public enum DiagnosticCode {
    // Malformed input
    BAD_MAGIC(Severity.ERROR, "Malformed", "The file does not start with the QEVM magic"),
    UNSUPPORTED_FILE_VERSION(Severity.ERROR, "Malformed", "The QEVM file version is not one qemu-dm reads"),
    TRUNCATED(Severity.ERROR, "Malformed", "The data ends inside a header or body"),
    MISSING_EOF(Severity.ERROR, "Malformed", "The data ends after a section but without the EOF marker"),
    UNKNOWN_SECTION_TYPE(Severity.ERROR, "Malformed", "A byte where a section type belongs is not one"),
    VERSION_LABEL_MISMATCH(Severity.ERROR, "Protocol", "The version label does not match the body's shape"),
    INTERNAL_ERROR(Severity.ERROR, "Undecoded",
            "The tool failed on these bytes (a bug in SaveVM Inspector, not necessarily in the file)"),
    // Loader simulation
    LOADER_OVERRUN(Severity.ERROR, "Sequence", "The loader would read past the end of the data"),
    LOADER_FAILED(Severity.ERROR, "Sequence", "The upstream loader would return an error"),
    LOADER_ABORTED(Severity.ERROR, "Sequence", "The upstream qemu-dm would abort while loading"),
    SILENT_PARTIAL_LOAD(Severity.ERROR, "Sequence", "The loader would stop early and report success"),
    // Structure
    TRAILING_BYTES(Severity.WARN, "Malformed", "Bytes that no section or field claims"),
    UNKNOWN_DEVICE(Severity.WARN, "Undecoded", "No decoder knows this device and version"),
    VERSION_NEWER_THAN_UPSTREAM(Severity.WARN, "Protocol", "The version label is newer than upstream registers"),
    DUPLICATE_SECTION(Severity.WARN, "Protocol", "The same device instance appears twice"),
    SECTION_ID_ORDER(Severity.WARN, "Sequence", "A section id does not increase as qemu-dm writes them"),
    ORPHAN_LIVE_SECTION(Severity.ERROR, "Protocol", "A PART/END section has no earlier START"),
    XENSERVER_FINGERPRINT(Severity.NOTE, "Comment", "A byte pattern only XenServer's qemu writes"),
    RESYNCHRONISED(Severity.NOTE, "Undecoded", "The parser skipped undecodable bytes to the next plausible header"),
    LOADER_PORTS(Severity.NOTE, "Comment", "The loader would move emulated I/O ports"),
    FORMAT_INFO(Severity.INFO, "Comment", "Information about the stream"),
    // Device sanity checks and record lengths (the named checks of devices.checks.CheckCatalog)
    RECORD_LENGTH_MISMATCH(Severity.WARN, "Malformed", "A record's decoded length disagrees with its record_len"),
    PCI_IDENTITY_MISMATCH(Severity.WARN, "Protocol", "The PCI vendor/device is not the one this device creates"),
    IMPOSSIBLE_COUNT(Severity.WARN, "Protocol", "A count or flag holds a value no writer produces"),
    ACPI_ADDRESS_UNKNOWN(Severity.WARN, "Protocol", "An ACPI address is neither the V0 nor the V1 layout"),
    BAR_UNPROGRAMMED(Severity.NOTE, "Comment", "A BAR the device decodes was never assigned by the firmware"),
    PCI_BLOCK_OLD_VERSION(Severity.NOTE, "Protocol", "A PCI block uses the old format without irq_state"),
    // Xen save-image containers (FORMAT.md D)
    CONTAINER_TRUNCATED(Severity.ERROR, "Malformed", "A container record or length runs past the end of the file"),
    CONTAINER_INCONSISTENT(Severity.ERROR, "Malformed", "A container field contradicts its format"),
    CONTAINER_UNKNOWN_CHUNK(Severity.ERROR, "Malformed", "A legacy libxc chunk id that no writer emits"),
    CONTAINER_NO_QEVM(Severity.ERROR, "Malformed", "The save image holds no device-model (QEVM) record"),
    CONTAINER_BAD_PADDING(Severity.WARN, "Malformed", "A migration-v2 record's padding is not zero"),
    CONTAINER_TRAILING(Severity.WARN, "Malformed", "Bytes after the end of the save image's last record"),
    CONTAINER_UNKNOWN_RECORD(Severity.NOTE, "Undecoded", "A container record type skipped by its length"),
    EMBEDDED_STREAM(Severity.NOTE, "Comment", "A QEVM stream found by scanning a file of no known container"),
    CONTAINER_INFO(Severity.INFO, "Comment", "Information about the save image"),
    // What the save file arrived in: a compression, a virtual disk (offsets of the stored file)
    COMPRESSED_DATA_DAMAGED(Severity.ERROR, "Malformed", "The compressed data is cut short or damaged"),
    VHD_BAD_CHECKSUM(Severity.ERROR, "Malformed", "A VHD footer or dynamic header fails its checksum"),
    VHD_FOOTER_MISMATCH(Severity.WARN, "Malformed", "A dynamic VHD's footer and its copy at offset 0 differ"),
    VHD_INCONSISTENT(Severity.ERROR, "Malformed", "A VHD field contradicts the specification or another field"),
    VHD_BAT_PAST_END(Severity.ERROR, "Malformed", "A VHD block allocation table entry points past the end of the file"),
    VHD_OVERLAPPING_BLOCKS(Severity.ERROR, "Malformed", "Two VHD data blocks share bytes of the file"),
    VHD_PARENT_MISMATCH(Severity.ERROR, "Protocol", "The parent VHD given is not the one the child names"),
    VHD_INFO(Severity.INFO, "Comment", "Information about the virtual disk");

    private final Severity severity;
    private final String group;
    private final String summary;

    DiagnosticCode(Severity severity, String group, String summary) {
        this.severity = severity;
        this.group = group;
        this.summary = summary;
    }

    public Severity severity() {
        return severity;
    }

    public String group() {
        return group;
    }

    /** One-line rule description (SARIF {@code rules[].shortDescription}). */
    public String summary() {
        return summary;
    }
}
