package org.savevminspector.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
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
    /**
     * Open live sections by section id: PART/END find their START here (FORMAT.md A.4). The id maps to the START's kind
     * (idstr and version), of which a stream has few, in a primitive map: a stream of a million START sections
     * would otherwise hold a million boxed ids.
     */
    private final LongIntMap starts = new LongIntMap();
    private final Map<Start, Integer> startKinds = new HashMap<>();
    private final List<Start> startList = new ArrayList<>();
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
                    st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRAILING_BYTES, "after-eof-marker", pos + 1,
                            size - pos - 1, -1, size - pos - 1, Offset.of(pos)));
                }
                return;
            }
            if (type == null) {
                st.diagnostics.add(Diagnostic.raise(DiagnosticCode.UNKNOWN_SECTION_TYPE, "v3", pos, 1, -1,
                        Field.hex(t, 1), Offset.of(pos), st.describeLast(), t));
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
        st.diagnostics.add(Diagnostic.raise(DiagnosticCode.MISSING_EOF, "v3", pos, 0, -1, Offset.of(pos),
                st.describeLast()));
    }

    private Long truncatedHeader(long pos, long need, String what) {
        st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, what.equals("section") ? "section-header"
                : "live-header", pos, size - pos, -1, Offset.of(pos), need, size - pos, what));
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
        String idstr = st.sections.intern(probe.idstr(pos + 6, len));
        long instance = src.be32(pos + 6 + len);
        long version = src.be32(pos + 10 + len);
        long bodyStart = pos + headerLen;
        long landingId = type == SectionType.FULL ? sid : previousFullId;

        Optional<ShapeChooser.Choice> choice = chooser.choose(idstr, version, bodyStart, landingId);
        long next;
        if (choice.isPresent()) {
            ShapeChooser.Choice c = choice.get();
            long available = Math.min(c.length(), size - bodyStart);
            // measured before the section joins the walk: its partner must be an earlier section
            long mismatch = c.layout().version() == version ? 0
                    : KnownProblems.pack(idstr, version, bodyStart, c, catalog, src, st::seen);
            int index = st.add(type, pos, sid, idstr, instance, version, available, c.layout());
            if (c.truncated()) {
                st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED,
                        c.length() > available ? "v3-body" : "v3-body-unmeasured", bodyStart, available, index,
                        idstr, version, Offset.of(bodyStart), c.length(), available, c.layout(), c.layout().source()));
                next = -1;
            } else {
                next = bodyStart + c.length();
            }
            if (c.layout().version() != version) {
                st.diagnostics.add(DiagnosticCode.VERSION_LABEL_MISMATCH, bodyStart - 4, 4, index,
                        st.templates.labelMismatch, mismatch);
            }
        } else {
            next = probe.resync(bodyStart, landingId, st::step);
            long bodyEnd = next < 0 ? size : next;
            DeviceLayout shape = layoutOfLength(idstr, bodyStart, bodyEnd - bodyStart);
            int index = st.add(type, pos, sid, idstr, instance, version, bodyEnd - bodyStart, shape);
            st.diagnostics.add(DiagnosticCode.UNKNOWN_DEVICE, pos, headerLen, index, st.templates.unknownDevice, 0);
            st.diagnostics.add(DiagnosticCode.RESYNCHRONISED, bodyStart, bodyEnd - bodyStart, index,
                    st.templates.resynchronised, 0);
        }
        if (type == SectionType.START) {
            starts.put(sid, startKind(idstr, version));
        } else {
            previousFullId = sid;
        }
        return next < 0 ? null : next;
    }

    /** The index of (idstr, version) among the kinds of START section seen so far. */
    private int startKind(String idstr, long version) {
        return startKinds.computeIfAbsent(new Start(idstr, version), k -> {
            startList.add(k);
            return startList.size() - 1;
        });
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

    /** PART or END at {@code pos}. */
    private Long liveContinuation(long pos, SectionType type) {
        if (!src.has(pos, 5)) {
            return truncatedHeader(pos, 5, type.json().toUpperCase(Locale.ROOT));
        }
        long sid = src.be32(pos + 1);
        int kind = starts.get(sid);
        if (kind < 0) {
            int index = st.add(type, pos, sid, "", -1, -1, 0, null);
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.ORPHAN_LIVE_SECTION, "no-start", pos, 5, index,
                    type.name(), Offset.of(pos), sid));
            st.unparsed = new Span(pos + 5, size - pos - 5);
            return null;
        }
        Start start = startList.get(kind);
        // i386-dm's only live handler (ram) writes empty PART/END payloads (FORMAT.md A.11); the START's layout says so.
        DeviceLayout layout = start.layout(catalog);
        long len = layout == null ? -1 : layout.layout().fixedSize();
        if (len < 0) {
            int index = st.add(type, pos, sid, start.idstr(), -1, -1, 0, null);
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.UNKNOWN_DEVICE, "live-payload", pos, 5, index,
                    start.idstr(), Offset.of(pos + 5)));
            st.unparsed = new Span(pos + 5, size - pos - 5);
            return null;
        }
        long available = Math.min(len, size - pos - 5);
        int index = st.add(type, pos, sid, start.idstr(), -1, -1, available, layout);
        if (available < len) {
            // the START's layout gives the payload length; the data may end before it
            st.diagnostics.add(Diagnostic.raise(DiagnosticCode.TRUNCATED, "live-payload", pos + 5, available, index,
                    type.name(), start.idstr(), Offset.of(pos + 5), len, available));
            return null;
        }
        return pos + 5 + len;
    }

    /** What PART/END sections need of the START they continue: its device and version (hence its layout). */
    private static final class Start {
        private final String idstr;
        private final long version;
        private DeviceLayout layout;
        private boolean looked;

        Start(String idstr, long version) {
            this.idstr = idstr;
            this.version = version;
        }

        String idstr() {
            return idstr;
        }

        DeviceLayout layout(DeviceCatalog catalog) {
            if (!looked) {
                layout = catalog.find(idstr, version).orElse(null);
                looked = true;
            }
            return layout;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Start s && s.idstr.equals(idstr) && s.version == version;
        }

        @Override
        public int hashCode() {
            return idstr.hashCode() * 31 + Long.hashCode(version);
        }
    }
}
