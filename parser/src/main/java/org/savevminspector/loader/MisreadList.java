package org.savevminspector.loader;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import org.savevminspector.diagnostics.Coordinates;

/**
 * The reads that depart from the structure, as numbers in runs: the v2 records of a file whose every record is
 * read 4 bytes too long are one run. The entries are worded when read.
 */
final class MisreadList extends AbstractList<LoaderReport.Misread> implements RandomAccess {
    /** Bytes that are no section header read as one ({@code offset}: where the loader took them for a header). */
    static final byte OUT_OF_STEP = 0;
    /** Fewer body bytes read than the section has ({@code offset}: the first byte left unread). */
    static final byte SHORT = 1;
    /** More body bytes read than the section has ({@code offset}: the first byte past its body). */
    static final byte LONG = 2;

    private final Builder b;
    /** How the offsets read: a stream's own, or an image's around it (then {@code offset}s are file offsets). */
    private final Coordinates at;

    private MisreadList(Builder b, Coordinates at) {
        this.b = b;
        this.at = at;
    }

    /** These misreads of a stream moved {@code delta} bytes further on (inside a save image). */
    MisreadList moved(long delta) {
        return new MisreadList(b, at.moved(delta));
    }

    /** These misreads as {@code c} reads a stream's offsets (the consequences of a moved report word them so). */
    MisreadList in(Coordinates c) {
        return c.equals(at) ? this : new MisreadList(b, c);
    }

    @Override
    public int size() {
        return b.size;
    }

    /** How many runs hold the misreads: a run of records read alike is one (what the compact list is for). */
    int runs() {
        return b.runs;
    }

    @Override
    public LoaderReport.Misread get(int i) {
        if (i < 0 || i >= b.size) {
            throw new IndexOutOfBoundsException("misread " + i + " of " + b.size);
        }
        int r = Arrays.binarySearch(b.start, 0, b.runs, i);
        r = r >= 0 ? r : -r - 2;
        int k = i - b.start[r];
        int section = b.kind[r] == OUT_OF_STEP ? -1 : b.section[r] + k;
        long offset = b.offset[r] + k * b.offsetStep[r];
        return misread(b.kind[r], section, b.idstr[r], b.version[r], offset, b.bodyLength[r], b.bytesRead[r], at);
    }

    /** One misread at stream offset {@code offset}, worded by {@code at} and placed in its file. */
    static LoaderReport.Misread misread(byte kind, int section, String idstr, long version, long offset, long have,
                                        long read, Coordinates at) {
        String message = switch (kind) {
            case OUT_OF_STEP -> "bytes at offset " + at.offset(offset) + " that are no section header are read as "
                    + "section '" + idstr + "'";
            case SHORT -> idstr + " v" + version + " reads " + read + " of the " + have + " body bytes: the last "
                    + (have - read) + " byte(s) are not restored and the byte at offset " + at.offset(offset)
                    + " is read as the next section type";
            default -> idstr + " v" + version + " reads " + read + " body bytes, " + (read - have) + " more than the "
                    + "section has: what follows is taken as this device's state";
        };
        return new LoaderReport.Misread(section, idstr, at.streamStart() + offset, kind == OUT_OF_STEP ? -1 : have,
                read, message);
    }

    /** Collects misreads in order, runs where one follows the one before by a fixed step. */
    static final class Builder {
        private int size;
        private int runs;
        private int[] start = new int[4];
        private byte[] kind = new byte[4];
        private int[] section = new int[4];
        private String[] idstr = new String[4];
        private long[] version = new long[4];
        private long[] offset = new long[4];
        private long[] offsetStep = new long[4];
        private long[] bodyLength = new long[4];
        private long[] bytesRead = new long[4];

        void add(byte why, int s, String name, long v, long off, long have, long read) {
            int r = runs - 1;
            if (r >= 0 && kind[r] == why && Objects.equals(idstr[r], name) && version[r] == v
                    && bodyLength[r] == have && bytesRead[r] == read) {
                int k = size - start[r];
                boolean next = (why == OUT_OF_STEP || s == section[r] + k)
                        && (k == 1 || off == offset[r] + k * offsetStep[r]);
                if (next) {
                    if (k == 1) {
                        offsetStep[r] = off - offset[r];
                    }
                    size++;
                    return;
                }
            }
            if (runs == start.length) {
                int n = runs * 2;
                start = Arrays.copyOf(start, n);
                kind = Arrays.copyOf(kind, n);
                section = Arrays.copyOf(section, n);
                idstr = Arrays.copyOf(idstr, n);
                version = Arrays.copyOf(version, n);
                offset = Arrays.copyOf(offset, n);
                offsetStep = Arrays.copyOf(offsetStep, n);
                bodyLength = Arrays.copyOf(bodyLength, n);
                bytesRead = Arrays.copyOf(bytesRead, n);
            }
            start[runs] = size;
            kind[runs] = why;
            section[runs] = s;
            idstr[runs] = name;
            version[runs] = v;
            offset[runs] = off;
            offsetStep[runs] = 0;
            bodyLength[runs] = have;
            bytesRead[runs] = read;
            runs++;
            size++;
        }

        MisreadList build() {
            return new MisreadList(this, Coordinates.FILE);
        }
    }
}
