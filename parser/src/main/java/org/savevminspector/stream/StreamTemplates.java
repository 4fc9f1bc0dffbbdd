package org.savevminspector.stream;

import java.util.List;
import java.util.function.BiFunction;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;

/**
 * The texts of the walk's findings that a stream can raise once per section — duplicates, ids out of order,
 * XenServer fingerprints, label mismatches, unknown devices and records — in one place, rendered when a
 * diagnostic is read from the section it names and one number kept with it. One instance per parse; its
 * templates read the parse's own section table (at the stream's offsets, whatever the parse is moved to), never
 * the file.
 */
final class StreamTemplates {
    // not final: the templates below are field initialisers, which must not read final fields set by the constructor
    private DeviceCatalog catalog;
    private long size;
    private SectionTable sections;

    StreamTemplates(DeviceCatalog catalog, long size) {
        this.catalog = catalog;
        this.size = size;
    }

    /** The table the templates read, once the walk has built it. */
    void bind(SectionTable table) {
        this.sections = table;
    }

    private DiagnosticList.Template template(BiFunction<Section, Long, String> message,
                                             BiFunction<Section, Long, String> explanation) {
        return new DiagnosticList.Template() {
            @Override
            public String message(int section, long arg) {
                return message.apply(sections.get(section), arg);
            }

            @Override
            public String explanation(int section, long arg) {
                return explanation.apply(sections.get(section), arg);
            }
        };
    }

    // ---- the v3 walk: a device or version without a layout, and the resynchronisation after it

    /** UNKNOWN_DEVICE of a v3 section; no number. */
    final DiagnosticList.Template unknownDevice = template((s, arg) -> {
        List<DeviceLayout> versions = catalog.versions(s.idstr());
        String what;
        if (versions.isEmpty()) {
            what = "no decoder knows device '" + s.idstr() + "'";
        } else {
            StringBuilder known = new StringBuilder();
            for (DeviceLayout d : versions) {
                known.append(known.length() == 0 ? "" : ", ").append(d.version());
            }
            what = "no decoder for '" + s.idstr() + "' version " + s.versionId() + " (known versions: " + known + ")";
        }
        return what + " at offset " + Hex.offset(s.header().offset());
    }, (s, arg) -> ("A v3 stream has no body lengths (FORMAT.md A.9): without the layout of this (device, version) the "
            + "body cannot be measured, so the parser looks for the next plausible section header."));

    /** RESYNCHRONISED after an unknown v3 section; no number (where the body ends says where the walk went on). */
    final DiagnosticList.Template resynchronised = template((s, arg) -> {
        // the body runs to the end of the data exactly when no plausible header followed it
        String where = s.body().end() >= size
                ? "no plausible header follows: the body is taken to run to the end of the data"
                : "next plausible section header at offset " + Hex.offset(s.body().end());
        String shapeNote = s.decoded() ? "; the skipped bytes have exactly the length of the "
                + sections.layoutOf(s.index()) + " layout and are shown decoded with it" : "";
        return "skipped " + s.body().length() + " byte(s) of the body of '" + s.idstr() + "' v" + s.versionId() + "; "
                + where + shapeNote;
    }, (s, arg) -> ("Heuristic of FORMAT.md A.9 item 2: a candidate has type 0x04 (or is the EOF marker as the last "
            + "byte), a section id greater than the previous one, a printable idstr of 1-64 characters, and either a "
            + "known decoder or a small instance and version. qemu itself cannot do this: the upstream loader would "
            + "stop at this section."));

    /**
     * VERSION_LABEL_MISMATCH: the number packs what the walk measured ({@link KnownProblems#pack}); the section's
     * body length is the shape's, its layout the chosen one.
     */
    final DiagnosticList.Template labelMismatch = template(
            (s, arg) -> KnownProblems.message(s, arg), (s, arg) -> KnownProblems.explanation(s, arg, size));

    // ---- the record walk (v2, v1)

    /** UNKNOWN_DEVICE of a record: its length still delimits it; no number. */
    final DiagnosticList.Template unknownRecord = template((s, arg) -> "record '" + s.idstr() + "' v" + s.versionId()
            + " at offset " + Hex.offset(s.header().offset()) + " is shown undecoded: no decoder knows '" + s.idstr()
            + "' v" + s.versionId() + " (the record length still delimits it)", (s, arg) -> "");

    /** FORMAT_INFO of a record with an alternative body; the number is its record_len. */
    final DiagnosticList.Template recordVariant = template((s, arg) -> {
        DeviceLayout body = sections.layoutOf(s.index());
        return "record '" + s.idstr() + "' v" + s.versionId() + " has the " + body + " body (" + arg + " bytes; "
                + body.source() + ")";
    }, (s, arg) -> "");

    /**
     * RECORD_LENGTH_MISMATCH; the number is record_len in the low 32 bits and the length the labelled layout
     * decodes, plus one (0: it depends on bytes past the end of the data), above them.
     */
    final DiagnosticList.Template recordLength = template((s, arg) -> recordLengthMessage(s.idstr(), s.versionId(),
            s.header().offset(), arg & 0xFFFFFFFFL, sections.layoutOf(s.index()), (arg >>> 32) - 1),
        (s, arg) -> RECORD_LENGTH_EXPLANATION);

    static String recordLengthMessage(String idstr, long version, long header, long recordLen, DeviceLayout shape,
                                      long measured) {
        String decodedLen = measured < 0 ? "a length that depends on bytes past the end of the data"
                : measured + " bytes";
        return "record '" + idstr + "' v" + version + " at offset " + Hex.offset(header) + ": record_len says "
                + recordLen + " bytes, the " + shape + " layout decodes " + decodedLen;
    }

    static final String RECORD_LENGTH_EXPLANATION = "v2 and v1 records carry their body length (FORMAT.md A.12), and the "
            + "loader always continues at body start + record_len whatever the load function read. A decoder that "
            + "disagrees means the writer used another body for this label than the one known here (another qemu-dm "
            + "build or a patched one); the fields are shown as far as they lie inside the record, the rest as "
            + "record_tail.";

    // ---- whole-stream checks

    /** SECTION_ID_ORDER; the number is the previous FULL section's id. */
    final DiagnosticList.Template idOrder = template((s, previousId) -> "section id " + s.sectionId() + " of '"
            + s.idstr() + "' does not exceed the previous " + previousId + " (qemu-dm numbers registrations in order, "
            + "FORMAT.md A.7; the loader does not check FULL ids)", (s, arg) -> "");

    /** DUPLICATE_SECTION; the number is the index of the first section of the same device instance. */
    final DiagnosticList.Template duplicate = template((s, first) -> "'" + s.idstr() + "' instance " + s.instanceId()
            + " appears again (first at offset " + Hex.offset(sections.get((int) (long) first).header().offset())
            + "): a loader restores both into the same device and the other one is never restored"
            + StreamChecks.xenServerNic(s), (s, arg) -> "");

    /** XENSERVER_FINGERPRINT; the number is the row of {@link StreamChecks}' table, or -1 for a private label. */
    final DiagnosticList.Template fingerprint = template((s, row) -> {
        if (row >= 0) {
            return StreamChecks.fingerprintNote((int) (long) row);
        }
        DeviceLayout d = catalog.find(s.idstr(), s.versionId()).orElseThrow();
        return s.idstr() + " labelled " + s.versionId() + " uses XenServer's private numbering (" + d.source() + ")";
    }, (s, arg) -> "");

}
