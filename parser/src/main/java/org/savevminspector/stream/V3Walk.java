package org.savevminspector.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;

/**
 * The shape walk of a v3 stream (docs/FORMAT.md Z step 2): section after section, each body measured by the
 * layout of its device, until the EOF marker, the end of the data, or bytes that are not a section.
 */
final class V3Walk {
    private final ByteSource src;
    private final DeviceCatalog catalog;
    private final HeaderProbe probe;
    private final ShapeChooser chooser;
    private final WalkState st;
    private final long size;
    /** Open live sections by section id: PART/END find their START here (FORMAT.md A.4). */
    private final Map<Long, Section> starts = new HashMap<>();
    private long previousFullId = -1;

    V3Walk(ByteSource src, DeviceCatalog catalog, WalkState state) {
        this.src = src;
        this.catalog = catalog;
        this.probe = new HeaderProbe(src, catalog);
        this.chooser = new ShapeChooser(src, catalog, probe);
        this.st = state;
        this.size = src.size();
    }

    void walk(long pos) {
        while (true) {
            st.step(pos);
            if (pos >= size) {
                missingEof(pos);
                return;
            }
            int t = src.u8(pos);
            SectionType type = SectionType.fromCode(t);
            if (type == SectionType.EOF) {
                st.eof = new Span(pos, 1);
                if (pos + 1 < size) {
                    st.trailing = new Span(pos + 1, size - pos - 1);
                    st.diagnostics.add(new Diagnostic(DiagnosticCode.TRAILING_BYTES, pos + 1, size - pos - 1, -1,
                            (size - pos - 1) + " byte(s) after the EOF marker at offset " + Hex.offset(pos),
                            "qemu-dm writes nothing after the EOF marker (QT savevm.c:qemu_savevm_state_complete) "
                                    + "and its loader stops at the marker, so these bytes are never read. Zero "
                                    + "bytes here are typically the record padding left by carving the stream "
                                    + "out of a migration-v2 image (8-byte alignment, FORMAT.md D.4)."));
                }
                return;
            }
            if (type == null) {
                st.diagnostics.add(new Diagnostic(DiagnosticCode.UNKNOWN_SECTION_TYPE, pos, 1, -1,
                        "byte " + Field.hex(t, 1) + " at offset " + Hex.offset(pos) + " after "
                                + st.describeLast() + " is not a section type (00-04)",
                        "The upstream loader stops here with \"Unknown savevm section type " + t + "\" and "
                                + "-EINVAL (QT savevm.c:qemu_loadvm_state). The bytes from here on are not parsed."));
                st.unparsed = new Span(pos, size - pos);
                return;
            }
            Long next = type.hasFullHeader() ? fullSection(pos, type) : liveContinuation(pos, type);
            if (next == null) {
                return;
            }
            pos = next;
        }
    }

    private void missingEof(long pos) {
        st.diagnostics.add(new Diagnostic(DiagnosticCode.MISSING_EOF, pos, 0, -1,
                "data ends at offset " + Hex.offset(pos) + " after " + st.describeLast()
                        + " without the EOF marker (00)",
                "A v3 stream ends with one 00 byte (QT savevm.c:qemu_savevm_state_complete). Without it the "
                        + "upstream loader reads past the end: the zero it gets ends the loop, but the read sets "
                        + "the error flag and the load returns -EIO (FORMAT.md A.1)."));
    }

    private Long truncatedHeader(long pos, long need, String what) {
        st.diagnostics.add(new Diagnostic(DiagnosticCode.TRUNCATED, pos, size - pos, -1,
                "data ends inside the " + what + " header at offset " + Hex.offset(pos) + ": " + need
                        + " bytes needed, " + (size - pos) + " remain",
                "The file was cut short; the section that starts here is incomplete."));
        st.unparsed = new Span(pos, size - pos);
        return null;
    }

    /** FULL or START section at {@code pos}; returns the next position, or null when the walk must stop. */
    private Long fullSection(long pos, SectionType type) {
        if (!src.has(pos, 6)) {
            return truncatedHeader(pos, 6, "section");
        }
        int len = src.u8(pos + 5);
        long headerLen = 14L + len;
        if (!src.has(pos, headerLen)) {
            return truncatedHeader(pos, headerLen, "section");
        }
        long sid = src.be32(pos + 1);
        String idstr = probe.idstr(pos + 6, len);
        long instance = src.be32(pos + 6 + len);
        long version = src.be32(pos + 10 + len);
        long bodyStart = pos + headerLen;
        List<Field> headerFields = HeaderFields.full(src, pos, len, idstr);
        int index = st.sections.size();
        long landingId = type == SectionType.FULL ? sid : previousFullId;

        Optional<ShapeChooser.Choice> choice = chooser.choose(idstr, version, bodyStart, landingId);
        Section section;
        long next;
        if (choice.isPresent()) {
            ShapeChooser.Choice c = choice.get();
            long available = Math.min(c.length(), size - bodyStart);
            List<Field> fields = c.layout().layout().decode(src, bodyStart, size);
            section = new Section(index, type, sid, idstr, instance, version, new Span(pos, headerLen),
                    new Span(bodyStart, available), true, c.layout().version(), headerFields, fields);
            if (c.truncated()) {
                st.diagnostics.add(new Diagnostic(DiagnosticCode.TRUNCATED, bodyStart, available, index,
                        "data ends inside the body of '" + idstr + "' v" + version + " at offset "
                                + Hex.offset(bodyStart) + ": " + (c.length() > available ? c.length()
                                + " bytes expected, " : "") + available + " present",
                        "The body layout of " + c.layout() + " (" + c.layout().source() + ") needs more bytes "
                                + "than the file has: the file was cut short."));
                next = -1;
            } else {
                next = bodyStart + c.length();
            }
            if (c.layout().version() != version) {
                st.diagnostics.add(KnownProblems.labelMismatch(section, c, st.sections, catalog, src));
            }
        } else {
            next = probe.resync(bodyStart, landingId, st::step);
            long bodyEnd = next < 0 ? size : next;
            DeviceLayout shape = layoutOfLength(idstr, bodyStart, bodyEnd - bodyStart);
            List<Field> fields = shape == null ? List.of() : shape.layout().decode(src, bodyStart, bodyEnd);
            section = new Section(index, type, sid, idstr, instance, version, new Span(pos, headerLen),
                    new Span(bodyStart, bodyEnd - bodyStart), shape != null, shape == null ? -1 : shape.version(),
                    headerFields, fields);
            unknownDevice(section, shape, next);
        }
        st.sections.add(section);
        if (type == SectionType.START) {
            starts.put(sid, section);
        } else {
            previousFullId = sid;
        }
        return next < 0 ? null : next;
    }

    /** A known layout of the device whose length is exactly the skipped run, if any (then shown decoded). */
    private DeviceLayout layoutOfLength(String idstr, long bodyStart, long length) {
        for (DeviceLayout d : catalog.versions(idstr)) {
            ShapeChooser.Choice c = chooser.evaluate(d, bodyStart, -1);
            if (!c.truncated() && c.length() == length) {
                return d;
            }
        }
        return null;
    }

    private void unknownDevice(Section s, DeviceLayout shape, long next) {
        String known = catalog.versions(s.idstr()).stream().map(d -> Integer.toString(d.version()))
                .reduce((a, b) -> a + ", " + b).orElse(null);
        String what = known == null ? "no decoder knows device '" + s.idstr() + "'"
                : "no decoder for '" + s.idstr() + "' version " + s.versionId() + " (known versions: " + known + ")";
        st.diagnostics.add(new Diagnostic(DiagnosticCode.UNKNOWN_DEVICE, s.header().offset(), s.header().length(),
                s.index(), what + " at offset " + Hex.offset(s.header().offset()),
                "A v3 stream has no body lengths (FORMAT.md A.9): without the layout of this (device, version) the body "
                        + "cannot be measured, so the parser looks for the next plausible section header."));
        String where = next < 0 ? "no plausible header follows: the body is taken to run to the end of the data"
                : "next plausible section header at offset " + Hex.offset(next);
        String shapeNote = shape == null ? "" : "; the skipped bytes have exactly the length of the " + shape
                + " layout and are shown decoded with it";
        st.diagnostics.add(new Diagnostic(DiagnosticCode.RESYNCHRONISED, s.body().offset(), s.body().length(),
                s.index(), "skipped " + s.body().length() + " byte(s) of the body of '" + s.idstr() + "' v"
                        + s.versionId() + "; " + where + shapeNote,
                "Heuristic of FORMAT.md A.9 item 2: a candidate has type 0x04 (or is the EOF marker as the last byte), a "
                        + "section id greater than the previous one, a printable idstr of 1-64 characters, and "
                        + "either a known decoder or a small instance and version. qemu itself cannot do this: "
                        + "the upstream loader would stop at this section."));
    }

    /** PART or END at {@code pos}. */
    private Long liveContinuation(long pos, SectionType type) {
        if (!src.has(pos, 5)) {
            return truncatedHeader(pos, 5, type.json().toUpperCase(Locale.ROOT));
        }
        long sid = src.be32(pos + 1);
        Section start = starts.get(sid);
        int index = st.sections.size();
        List<Field> header = HeaderFields.shortHeader(src, pos);
        if (start == null) {
            st.sections.add(new Section(index, type, sid, "", -1, -1, new Span(pos, 5), new Span(pos + 5, 0),
                    false, -1, header, List.of()));
            st.diagnostics.add(new Diagnostic(DiagnosticCode.ORPHAN_LIVE_SECTION, pos, 5, index,
                    type.name() + " section at offset " + Hex.offset(pos) + " continues section id " + sid
                            + ", but no START section with that id came before",
                    "The upstream loader stops with \"Unknown savevm section " + sid + "\" and -EINVAL "
                            + "(QT savevm.c:qemu_loadvm_state)."));
            st.unparsed = new Span(pos + 5, size - pos - 5);
            return null;
        }
        // i386-dm's only live handler (ram) writes empty PART/END payloads (FORMAT.md A.11); the START's layout says so.
        Optional<DeviceLayout> layout = catalog.find(start.idstr(), start.versionId());
        long len = layout.map(d -> d.layout().fixedSize()).orElse(-1L);
        if (len < 0) {
            st.sections.add(new Section(index, type, sid, start.idstr(), -1, -1, new Span(pos, 5),
                    new Span(pos + 5, 0), false, -1, header, List.of()));
            st.diagnostics.add(Diagnostic.of(DiagnosticCode.UNKNOWN_DEVICE, pos, 5, index,
                    "payload of live section '" + start.idstr() + "' is unknown; the walk stops at offset "
                            + Hex.offset(pos + 5)));
            st.unparsed = new Span(pos + 5, size - pos - 5);
            return null;
        }
        long available = Math.min(len, size - pos - 5);
        st.sections.add(new Section(index, type, sid, start.idstr(), -1, -1, new Span(pos, 5),
                new Span(pos + 5, available), true, (int) start.versionId(), header, List.of()));
        if (available < len) {
            // the START's layout gives the payload length; the data may end before it
            st.diagnostics.add(Diagnostic.of(DiagnosticCode.TRUNCATED, pos + 5, available, index,
                    "data ends inside the " + type.name() + " payload of '" + start.idstr() + "' at offset "
                            + Hex.offset(pos + 5) + ": " + len + " bytes expected, " + available + " present"));
            return null;
        }
        return pos + 5 + len;
    }
}
