package org.savevminspector.stream;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The sections of one walk, stored compactly: one row per section in a run of bytes, each row holding only what
 * the row before does not imply — a PART section after another is 2 bytes, a FULL section of the same device as
 * the one before with the next id is 4 — plus the interned idstrs and the chosen layouts. Every 64th row has a
 * checkpoint, so section {@code i} is found by decoding at most 64 rows; {@link Section} values are made on
 * demand (a small cache keeps the ones asked for last), and their field lists are decoded from the bytes with the
 * section's chosen layout when first asked for.
 *
 * <p>The bytes: the table keeps the {@link ByteSource#concurrent() concurrent view} of a source whose offsets are
 * the table's own, so that any thread may decode fields while the source stays open. Whoever closes the source
 * the parse read (the GUI does, after parsing) rebinds the parse with {@link ParseResult#readingFrom}.
 */
public final class SectionTable extends AbstractList<Section> implements RandomAccess {
    private static final int BLOCK = 64;
    private static final int CACHE = 256;
    private static final SectionType[] TYPES = {SectionType.START, SectionType.PART, SectionType.END,
        SectionType.FULL, SectionType.RECORD};

    // row flags: the type in the low 3 bits, then what the row states explicitly
    private static final int DECODED = 0x08;
    private static final int OFFSET = 0x10;
    private static final int SID = 0x20;
    private static final int IDSTR = 0x40;
    private static final int LAYOUT = 0x80;

    private final ChunkedBytes rows;
    private final int size;
    /** Per checkpoint (row k·64): where its row starts, the decoding state before it, and its header offset. */
    private final long[] cpPos;
    private final long[] cpEnd;
    private final long[] cpSid;
    private final int[] cpIdstr;
    private final int[] cpLayout;
    private final long[] cpHeader;
    private final String[] idstrs;
    private final DeviceLayout[] layouts;
    /** Added to every offset: an embedded stream's table moved to image offsets. */
    private final long base;
    private final ByteSource bytes;
    private final Section[] cache = new Section[CACHE];
    /** Decodes the fields of the sections of one layout (index as in {@link #layouts}; the last: undecoded). */
    private final Fields[] fields;

    private SectionTable(ChunkedBytes rows, int size, long[] cpPos, long[] cpEnd, long[] cpSid, int[] cpIdstr,
                         int[] cpLayout, long[] cpHeader, String[] idstrs, DeviceLayout[] layouts, long base,
                         ByteSource bytes) {
        this.rows = rows;
        this.size = size;
        this.cpPos = cpPos;
        this.cpEnd = cpEnd;
        this.cpSid = cpSid;
        this.cpIdstr = cpIdstr;
        this.cpLayout = cpLayout;
        this.cpHeader = cpHeader;
        this.idstrs = idstrs;
        this.layouts = layouts;
        this.base = base;
        this.bytes = bytes;
        this.fields = new Fields[layouts.length + 1];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Fields(i < layouts.length ? layouts[i] : null);
        }
    }

    /** The same sections {@code delta} bytes further on, their fields read from {@code src} (at those offsets). */
    public SectionTable moved(long delta, ByteSource src) {
        return new SectionTable(rows, size, cpPos, cpEnd, cpSid, cpIdstr, cpLayout, cpHeader, idstrs, layouts,
                base + delta, src.concurrent());
    }

    /** The same sections, their fields read from {@code src} (which has this table's offsets). */
    SectionTable readingFrom(ByteSource src) {
        return moved(0, src);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Section get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("section " + i + " of " + size);
        }
        Section s = cache[i & (CACHE - 1)];
        if (s != null && s.index() == i) {
            return s;
        }
        Cursor c = new Cursor();
        c.seek(i);
        s = c.section();
        cache[i & (CACHE - 1)] = s;
        return s;
    }

    @Override
    public Iterator<Section> iterator() {
        return new Iterator<>() {
            private final Cursor c = new Cursor();
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Section next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                if (next == 0) {
                    c.seek(0);
                } else {
                    c.step();
                }
                next++;
                return c.section();
            }
        };
    }

    /** Index of the first section whose header starts at or after {@code offset} ({@link #size()} when none does). */
    public int firstAtOrAfter(long offset) {
        if (size == 0) {
            return 0;
        }
        long rel = offset - base;
        int k = Arrays.binarySearch(cpHeader, rel);
        if (k >= 0) {
            return k * BLOCK;
        }
        k = -k - 2; // the last checkpoint before the offset
        if (k < 0) {
            return 0;
        }
        Cursor c = new Cursor();
        c.seek(k * BLOCK);
        while (c.header < rel) {
            if (c.index + 1 >= size) {
                return size;
            }
            c.step();
        }
        return c.index;
    }

    /**
     * Finds sections by header offset or index; asked in increasing order it answers in constant time. One thread
     * only.
     */
    public Finder finder() {
        return new Finder();
    }

    /** See {@link #finder()}. */
    public final class Finder {
        private final Cursor c = new Cursor();
        /** The section the cursor was on before its last step: asked for again right after a look ahead. */
        private Section behind;

        private Finder() {
        }

        /** The section whose header starts at {@code offset}, or {@code null}. */
        public Section at(long offset) {
            if (size == 0) {
                return null;
            }
            long rel = offset - base;
            if (behind != null && behind.header().offset() == offset) {
                return behind;
            }
            if (c.index < 0 || rel < c.header) {
                int i = firstAtOrAfter(offset);
                if (i >= size) {
                    return null;
                }
                c.seek(i);
                behind = null;
            }
            // forward from where the last question left the cursor: the loader asks in file order
            while (c.header < rel && c.index + 1 < size) {
                forward();
            }
            return c.header == rel ? c.section() : null;
        }

        /** Header offset of section {@code index}, without making the section. */
        public long headerOffset(int index) {
            move(index);
            return base + c.header;
        }

        /** Body offset of section {@code index}, without making the section. */
        public long bodyOffset(int index) {
            move(index);
            return base + c.header + headerLength(c.type, idstrs[c.idstr]);
        }

        /** The type of section {@code index}, without making the section. */
        public SectionType type(int index) {
            move(index);
            return TYPES[c.type];
        }

        /** Body length of section {@code index}, without making the section. */
        public long bodyLength(int index) {
            move(index);
            return c.body;
        }

        private void move(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("section " + index + " of " + size);
            }
            if (c.index < 0 || index < c.index || index - c.index > BLOCK) {
                c.seek(index);
                behind = null;
            }
            while (c.index < index) {
                forward();
            }
        }

        /** One row on, remembering the section of the row left if it was made. */
        private void forward() {
            behind = c.made();
            c.step();
        }

        /** Section {@code index}; asked in increasing order it answers in constant time. */
        public Section get(int index) {
            if (behind != null && behind.index() == index) {
                return behind;
            }
            move(index);
            return c.section();
        }
    }

    /** Header length by type: 14 + L for FULL/START (FORMAT.md A.4), 13 + L for a record (FORMAT.md A.12), 5 for PART/END. */
    private static long headerLength(int type, String idstr) {
        return switch (TYPES[type]) {
            case FULL, START -> 14L + idstr.length();
            case RECORD -> 13L + idstr.length();
            default -> 5;
        };
    }

    /** The fields of sections decoded with one layout ({@code null}: not decoded), from this table's bytes. */
    private final class Fields implements Section.Fields {
        private final DeviceLayout layout;

        Fields(DeviceLayout layout) {
            this.layout = layout;
        }

        @Override
        public List<Field> headerFields(Section s) {
            long p = s.header().offset();
            return switch (s.type()) {
                case FULL, START -> HeaderFields.full(bytes, p, s.idstr().length(), s.idstr());
                case RECORD -> HeaderFields.record(bytes, p, s.idstr().length(), s.idstr());
                default -> HeaderFields.shortHeader(bytes, p);
            };
        }

        @Override
        public List<Field> fields(Section s) {
            // PART/END payloads are never shown field by field (i386-dm's are empty, FORMAT.md A.11)
            if (layout == null || !s.type().hasFullHeader()) {
                return List.of();
            }
            long start = s.body().offset();
            long end = s.body().end();
            List<Field> decoded = layout.layout().decode(bytes, start, end);
            return s.type() == SectionType.RECORD ? RecordWalk.withTail(decoded, start, end) : decoded;
        }
    }

    /** The layout section {@code i} was decoded with, or {@code null}. */
    DeviceLayout layoutOf(int i) {
        Cursor c = new Cursor();
        c.seek(i);
        return c.decoded ? layouts[c.layout] : null;
    }

    /** Reads rows forward from a checkpoint, keeping the state each row is relative to. */
    private final class Cursor {
        private ChunkedBytes.Reader in;
        int index = -1;
        private long prevEnd;
        private long prevSid;
        private int prevIdstr;
        private int prevLayout;
        int type;
        long header;
        long sid;
        int idstr;
        long instance;
        long version;
        long body;
        int layout;
        boolean decoded;
        private Section made;

        void seek(int i) {
            int k = i / BLOCK;
            in = rows.new Reader(cpPos[k]);
            prevEnd = cpEnd[k];
            prevSid = cpSid[k];
            prevIdstr = cpIdstr[k];
            prevLayout = cpLayout[k];
            index = k * BLOCK - 1;
            do {
                step();
            } while (index < i);
        }

        void step() {
            int flags = in.u8();
            type = flags & 0x07;
            SectionType t = TYPES[type];
            header = (flags & OFFSET) != 0 ? prevEnd + in.signed() : prevEnd;
            long expected = t == SectionType.RECORD ? -1 : t == SectionType.FULL || t == SectionType.START
                    ? prevSid + 1 : prevSid;
            sid = (flags & SID) != 0 ? in.varint() - 1 : expected;
            idstr = (flags & IDSTR) != 0 ? (int) in.varint() : prevIdstr;
            decoded = (flags & DECODED) != 0;
            layout = (flags & LAYOUT) != 0 ? (int) in.varint() : prevLayout;
            if (t.hasFullHeader()) {
                instance = in.varint();
                version = in.varint();
            } else {
                instance = -1;
                version = -1;
            }
            body = in.varint();
            prevEnd = header + headerLength(type, idstrs[idstr]) + body;
            prevSid = sid;
            prevIdstr = idstr;
            if (decoded) {
                prevLayout = layout;
            }
            index++;
        }

        /** The section of the current row; the same object until the cursor moves. */
        Section section() {
            if (made != null && made.index() == index) {
                return made;
            }
            // not through the table's cache: storing each of a million young sections into that array would cost
            // the collector more than making them
            String name = idstrs[idstr];
            long h = headerLength(type, name);
            made = new Section(index, TYPES[type], sid, name, instance, version, base + header, h,
                    base + header + h, body, decoded, decoded ? layouts[layout].version() : -1,
                    fields[decoded ? layout : layouts.length]);
            return made;
        }

        /** The section last made, or {@code null}. */
        Section made() {
            return made != null && made.index() == index ? made : null;
        }
    }

    /** Collects the rows during a walk. */
    static final class Builder {
        private final ChunkedBytes rows = new ChunkedBytes();
        private final ByteSource src;
        private final Map<String, Integer> idstrIndex = new HashMap<>();
        private final List<String> idstrs = new ArrayList<>();
        private final Map<DeviceLayout, Integer> layoutIndex = new IdentityHashMap<>();
        private final List<DeviceLayout> layouts = new ArrayList<>();
        private long[] cpPos = new long[16];
        private long[] cpEnd = new long[16];
        private long[] cpSid = new long[16];
        private int[] cpIdstr = new int[16];
        private int[] cpLayout = new int[16];
        private long[] cpHeader = new long[16];
        private int size;
        private long prevEnd;
        private long prevSid;
        private int prevIdstr;
        private int prevLayout;
        private long lastHeader = -1;

        /** @param src the bytes the walk reads; the table decodes fields from its concurrent view */
        Builder(ByteSource src) {
            this.src = src;
        }

        int size() {
            return size;
        }

        /** Header offset of the last section added, -1 when none. */
        long lastHeader() {
            return lastHeader;
        }

        /** End of the last section's body. */
        long lastEnd() {
            return prevEnd;
        }

        /** The idstr of the last section added. */
        String lastIdstr() {
            return idstrs.get(prevIdstr);
        }

        /** The idstr as the table keeps it: one string per distinct name. */
        String intern(String idstr) {
            Integer i = idstrIndex.get(idstr);
            return i == null ? idstr : idstrs.get(i);
        }

        /**
         * Adds a section; {@code layout} is the one its body was decoded with, {@code null} when it was not.
         *
         * @return its index
         */
        int add(SectionType type, long header, long sectionId, String idstr, long instance, long version,
                long bodyLength, DeviceLayout layout) {
            int t = switch (type) {
                case START -> 0;
                case PART -> 1;
                case END -> 2;
                case FULL -> 3;
                case RECORD -> 4;
                default -> throw new IllegalArgumentException("no section of type " + type);
            };
            if ((size % BLOCK) == 0) {
                checkpoint(header);
            }
            int id = idstrIndex.computeIfAbsent(idstr, k -> {
                idstrs.add(k);
                return idstrs.size() - 1;
            });
            int l = layout == null ? prevLayout : layoutIndex.computeIfAbsent(layout, k -> {
                layouts.add(k);
                return layouts.size() - 1;
            });
            long expectedSid = type == SectionType.RECORD ? -1 : type == SectionType.FULL
                    || type == SectionType.START ? prevSid + 1 : prevSid;
            int flags = t | (layout != null ? DECODED : 0) | (header != prevEnd ? OFFSET : 0)
                    | (sectionId != expectedSid ? SID : 0) | (id != prevIdstr ? IDSTR : 0)
                    | (l != prevLayout ? LAYOUT : 0);
            rows.put(flags);
            if (header != prevEnd) {
                rows.putSigned(header - prevEnd);
            }
            if (sectionId != expectedSid) {
                rows.putVarint(sectionId + 1);
            }
            if (id != prevIdstr) {
                rows.putVarint(id);
            }
            if (l != prevLayout) {
                rows.putVarint(l);
            }
            if (type.hasFullHeader()) {
                rows.putVarint(instance);
                rows.putVarint(version);
            }
            rows.putVarint(bodyLength);
            prevEnd = header + headerLength(t, idstr) + bodyLength;
            prevSid = sectionId;
            prevIdstr = id;
            prevLayout = l;
            lastHeader = header;
            return size++;
        }

        private void checkpoint(long header) {
            int k = size / BLOCK;
            if (k == cpPos.length) {
                int n = k * 2;
                cpPos = Arrays.copyOf(cpPos, n);
                cpEnd = Arrays.copyOf(cpEnd, n);
                cpSid = Arrays.copyOf(cpSid, n);
                cpIdstr = Arrays.copyOf(cpIdstr, n);
                cpLayout = Arrays.copyOf(cpLayout, n);
                cpHeader = Arrays.copyOf(cpHeader, n);
            }
            cpPos[k] = rows.length();
            cpEnd[k] = prevEnd;
            cpSid[k] = prevSid;
            cpIdstr[k] = prevIdstr;
            cpLayout[k] = prevLayout;
            cpHeader[k] = header;
        }

        SectionTable build() {
            rows.trim();
            int k = (size + BLOCK - 1) / BLOCK;
            return new SectionTable(rows, size, Arrays.copyOf(cpPos, k), Arrays.copyOf(cpEnd, k),
                    Arrays.copyOf(cpSid, k), Arrays.copyOf(cpIdstr, k), Arrays.copyOf(cpLayout, k),
                    Arrays.copyOf(cpHeader, k), idstrs.toArray(String[]::new), layouts.toArray(DeviceLayout[]::new),
                    0, src.concurrent());
        }
    }
}
