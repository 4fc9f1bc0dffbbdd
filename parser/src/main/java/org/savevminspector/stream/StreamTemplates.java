package org.savevminspector.stream;

import java.util.function.BiFunction;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.Catalogue;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Section;

/**
 * The templates of the walk's findings that a stream can raise once per section — duplicates, ids out of order,
 * XenServer fingerprints, label mismatches, unknown devices and records: each names its {@link Catalogue} entry
 * and the arguments it takes from the section it names and one number kept with the diagnostic; the texts are
 * worded when read. One instance per parse; its
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

    /** Arguments of a catalogue entry from the section and the number kept with the diagnostic. */
    @FunctionalInterface
    private interface Args {
        Object[] of(Section s, long arg);
    }

    /** A template of one catalogue entry; the entry may depend on the section and the number. */
    private DiagnosticList.Template template(BiFunction<Section, Long, Catalogue.Entry> entry, Args args) {
        return new DiagnosticList.Template() {
            @Override
            public String message(int section, long arg, Coordinates at) {
                Section s = sections.get(section);
                return entry.apply(s, arg).message(args.of(s, arg)).read(at);
            }

            @Override
            public String explanation(int section, long arg, Coordinates at) {
                Section s = sections.get(section);
                return entry.apply(s, arg).explanation(args.of(s, arg)).read(at);
            }
        };
    }

    private DiagnosticList.Template template(DiagnosticCode code, String variant, Args args) {
        Catalogue.Entry e = Catalogue.entry(code, variant);
        return template((s, arg) -> e, args);
    }

    // ---- the v3 walk: a device or version without a layout, and the resynchronisation after it

    /** UNKNOWN_DEVICE of a v3 section; no number. */
    final DiagnosticList.Template unknownDevice = template((s, arg) -> Catalogue.entry(DiagnosticCode.UNKNOWN_DEVICE,
            catalog.versions(s.idstr()).isEmpty() ? "v3-idstr" : "v3-version"), (s, arg) -> {
        StringBuilder known = new StringBuilder();
        for (DeviceLayout d : catalog.versions(s.idstr())) {
            known.append(known.length() == 0 ? "" : ", ").append(d.version());
        }
        return new Object[] {s.idstr(), Offset.of(s.header().offset()), s.versionId(), known};
    });

    /** RESYNCHRONISED after an unknown v3 section; no number (where the body ends says where the walk went on). */
    final DiagnosticList.Template resynchronised = template((s, arg) -> Catalogue.entry(DiagnosticCode.RESYNCHRONISED,
            // the body runs to the end of the data exactly when no plausible header followed it
            (s.body().end() >= size ? "to-end" : "to-header") + (s.decoded() ? "-decoded" : "")),
        (s, arg) -> new Object[] {s.body().length(), s.idstr(), s.versionId(), Offset.of(s.body().end()),
                s.decoded() ? sections.layoutOf(s.index()) : ""});

    /**
     * VERSION_LABEL_MISMATCH: the number packs what the walk measured ({@link KnownProblems#pack}); the section's
     * body length is the shape's, its layout the chosen one.
     */
    final DiagnosticList.Template labelMismatch = template(KnownProblems::entry,
        (s, arg) -> KnownProblems.args(s, arg, size));

    // ---- the record walk (v2, v1)

    /** UNKNOWN_DEVICE of a record: its length still delimits it; no number. */
    final DiagnosticList.Template unknownRecord = template(DiagnosticCode.UNKNOWN_DEVICE, "record",
        (s, arg) -> new Object[] {s.idstr(), s.versionId(), Offset.of(s.header().offset())});

    /** FORMAT_INFO of a record with an alternative body; the number is its record_len. */
    final DiagnosticList.Template recordVariant = template(DiagnosticCode.FORMAT_INFO, "record-variant",
        (s, arg) -> {
            DeviceLayout body = sections.layoutOf(s.index());
            return new Object[] {s.idstr(), s.versionId(), body, arg, body.source()};
        });

    /**
     * RECORD_LENGTH_MISMATCH; the number is record_len in the low 32 bits and the length the labelled layout
     * decodes, plus one (0: it depends on bytes past the end of the data), above them.
     */
    final DiagnosticList.Template recordLength = template((s, arg) -> recordLength((arg >>> 32) - 1),
        (s, arg) -> recordLengthArgs(s.idstr(), s.versionId(), s.header().offset(), arg & 0xFFFFFFFFL,
                sections.layoutOf(s.index()), (arg >>> 32) - 1));

    /** The entry of a RECORD_LENGTH_MISMATCH whose labelled layout decodes {@code measured} bytes (-1: unknown). */
    static Catalogue.Entry recordLength(long measured) {
        return Catalogue.entry(DiagnosticCode.RECORD_LENGTH_MISMATCH, measured < 0 ? "past-end" : "measured");
    }

    static Object[] recordLengthArgs(String idstr, long version, long header, long recordLen, DeviceLayout shape,
                                     long measured) {
        return new Object[] {idstr, version, Offset.of(header), recordLen, shape, measured};
    }

    // ---- whole-stream checks

    /** SECTION_ID_ORDER; the number is the previous FULL section's id. */
    final DiagnosticList.Template idOrder = template(DiagnosticCode.SECTION_ID_ORDER, "not-increasing",
        (s, previousId) -> new Object[] {s.sectionId(), s.idstr(), previousId});

    /** DUPLICATE_SECTION; the number is the index of the first section of the same device instance. */
    final DiagnosticList.Template duplicate = template((s, first) -> Catalogue.entry(DiagnosticCode.DUPLICATE_SECTION,
            StreamChecks.xenServerNic(s) ? "xenserver-nic" : "instance"), (s, first) -> new Object[] {s.idstr(),
                s.instanceId(), Offset.of(sections.get((int) (long) first).header().offset())});

    /** XENSERVER_FINGERPRINT; the number is the row of {@link StreamChecks}' table, or -1 for a private label. */
    final DiagnosticList.Template fingerprint = template((s, row) -> row >= 0
            ? StreamChecks.fingerprint((int) (long) row) : Catalogue.entry(DiagnosticCode.XENSERVER_FINGERPRINT,
                    "private-numbering"), (s, row) -> new Object[] {s.idstr(), s.versionId(),
                            row >= 0 ? "" : catalog.find(s.idstr(), s.versionId()).orElseThrow().source()});

}
