package org.savevminspector.stream;

import java.util.function.LongConsumer;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.io.ByteSource;

/**
 * Judges whether a position looks like the start of the next section. The stream carries no body lengths
 * (FORMAT.md A.9), so this is the only evidence that a body was measured right: used to compare the labelled layout
 * with other known layouts of the same device, and to resynchronise after an unknown section.
 */
final class HeaderProbe {

    /** How convincing a landing position is; higher is better. */
    enum Landing {
        /** Past the end of the data: the body cannot be that long. */
        BEYOND(-1),
        /** A byte that is neither a section type nor the EOF marker. */
        IMPLAUSIBLE(0),
        /** Exactly the end of the data (no EOF marker). */
        DATA_END(1),
        /** The start of a section header that the end of the data cuts short. */
        HEADER_CUT(1),
        /** An EOF marker followed by bytes that are not all zero. */
        EOF_WITH_TRAILING(1),
        /** An EOF marker followed only by zero bytes (record padding of a carved stream, FORMAT.md D.4). */
        EOF_WITH_PADDING(2),
        /** A FULL/START header that is well formed but names no device we know. */
        HEADER_PLAUSIBLE(3),
        /**
         * A well-formed FULL header of a device we can decode whose section id does not exceed the previous one:
         * a section repeated or moved (a copy of the section before, a section pasted in from another file).
         * qemu-dm never writes it, but its loader does not check FULL ids (FORMAT.md A.7): a body that ends right before
         * it is as well measured as one that ends before a header in order.
         */
        HEADER_REPEATED(3),
        /** The EOF marker as the very last byte. */
        EOF_EXACT(4),
        /** A well-formed header of a device we can decode. */
        HEADER_KNOWN(4);

        final int score;

        Landing(int score) {
            this.score = score;
        }
    }

    /** Upper bound of the resynchronisation heuristic's idstr length (FORMAT.md A.9 item 2). */
    static final int MAX_PLAUSIBLE_IDSTR = 64;
    /** Longest zero run still taken for alignment padding after an EOF marker. */
    static final int MAX_PADDING = 4096;

    private final ByteSource src;
    private final DeviceCatalog catalog;
    private final long size;
    private long lastIdstrAt = -1;
    private String lastIdstr;

    HeaderProbe(ByteSource src, DeviceCatalog catalog) {
        this.src = src;
        this.catalog = catalog;
        this.size = src.size();
    }

    /**
     * @param p          candidate position of the next section type byte
     * @param previousId section id of the section before (FULL ids increase strictly, FORMAT.md A.7); -1 for none
     */
    Landing landing(long p, long previousId) {
        if (p > size) {
            return Landing.BEYOND;
        }
        if (p == size) {
            return Landing.DATA_END;
        }
        int t = src.u8(p);
        if (t == 0) {
            if (p == size - 1) {
                return Landing.EOF_EXACT;
            }
            return zeros(p + 1, size) ? Landing.EOF_WITH_PADDING : Landing.EOF_WITH_TRAILING;
        }
        if (t == 2 || t == 3) {
            return src.has(p, 5) ? Landing.HEADER_PLAUSIBLE : Landing.HEADER_CUT;
        }
        if (t != 1 && t != 4) {
            return Landing.IMPLAUSIBLE;
        }
        return fullHeader(p, previousId, t == 4);
    }

    private Landing fullHeader(long p, long previousId, boolean full) {
        if (!src.has(p, 6)) {
            return Landing.HEADER_CUT;
        }
        long sid = src.be32(p + 1);
        int len = src.u8(p + 5);
        if (len == 0 || len > MAX_PLAUSIBLE_IDSTR) {
            return Landing.IMPLAUSIBLE;
        }
        if (!src.has(p, 14L + len)) {
            return Landing.HEADER_CUT;
        }
        boolean outOfOrder = full && previousId >= 0 && sid <= previousId;
        for (long i = p + 6; i < p + 6 + len; i++) {
            int b = src.u8(i);
            if (b < 0x20 || b > 0x7E) {
                return Landing.IMPLAUSIBLE;
            }
        }
        String idstr = idstr(p + 6, len);
        long instance = src.be32(p + 6 + len);
        long version = src.be32(p + 10 + len);
        if (catalog.find(idstr, version).isPresent()) {
            return outOfOrder ? Landing.HEADER_REPEATED : Landing.HEADER_KNOWN;
        }
        if (outOfOrder) {
            // ids out of order and a device we cannot decode: too little to tell a header from body bytes
            return Landing.IMPLAUSIBLE;
        }
        // Instances are small numbers or I/O bases, versions small counters (eeprom93xx's 20061112 aside).
        boolean plausibleNumbers = instance <= 0xFFFF && (version <= 0xFF || version == 20061112L);
        return plausibleNumbers || catalog.knows(idstr) ? Landing.HEADER_PLAUSIBLE : Landing.IMPLAUSIBLE;
    }

    /**
     * The idstr at {@code at}. Measuring a body probes the next header, and the walk then reads that same
     * header: the last idstr is remembered so that it is built (and hashed for the catalogue) once, not twice.
     */
    String idstr(long at, int len) {
        if (at != lastIdstrAt || lastIdstr.length() != len) {
            if (!sameText(at, len)) {
                // another name than the last one: sections of one device follow one another
                lastIdstr = HeaderFields.idstr(src, at, len);
            }
            lastIdstrAt = at;
        }
        return lastIdstr;
    }

    private boolean sameText(long at, int len) {
        if (lastIdstr == null || lastIdstr.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (lastIdstr.charAt(i) != src.u8(at + i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [from, to)} holds only zeros; long runs are not padding, whatever they hold. */
    private boolean zeros(long from, long to) {
        if (to - from > MAX_PADDING) {
            return false;
        }
        for (long p = from; p < to; p++) {
            if (src.u8(p) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first position at or after {@code from} where a next section plausibly starts: a FULL header
     * ({@link Landing#HEADER_KNOWN} or {@link Landing#HEADER_PLAUSIBLE}) or an EOF marker that is the last byte.
     * Returns -1 when there is none before the end of the data. {@code tick} is called every MiB scanned, so a
     * scan over gigabytes reports progress and can be cancelled.
     */
    long resync(long from, long previousId, LongConsumer tick) {
        for (long p = from; p < size; p++) {
            if ((p & 0xFFFFF) == 0) {
                tick.accept(p);
            }
            int t = src.u8(p);
            if (t == 4) {
                Landing l = fullHeader(p, previousId, true);
                if (l == Landing.HEADER_KNOWN || l == Landing.HEADER_PLAUSIBLE) {
                    return p;
                }
            } else if (t == 0 && p == size - 1) {
                return p;
            }
        }
        return -1;
    }
}
