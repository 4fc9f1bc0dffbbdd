package org.savevminspector.loader;

import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ZeroExtendedSource;

/**
 * The loader's {@code QEMUFile} in read mode: a position over the zero-extended view of the data (docs/FORMAT.md A.1).
 * Reading at or past the end returns zeros and sets the sticky error flag ({@code QT savevm.c:qemu_get_byte},
 * {@code qemu_fill_buffer}); {@link #tell()} stops at the data size because bytes that were never obtained do
 * not advance {@code qemu_ftell}.
 */
final class LoaderStream {
    private final ZeroExtendedSource view;
    private final long size;
    private long pos;
    private long furthest;
    private long seekTarget;

    LoaderStream(ByteSource data, long start) {
        this.view = new ZeroExtendedSource(data);
        this.size = data.size();
        this.pos = start;
        this.furthest = start;
    }

    /** The zero-extended view (for measuring layouts the way the loader reads them). */
    ZeroExtendedSource view() {
        return view;
    }

    long size() {
        return size;
    }

    /** The virtual position: may exceed {@link #size()} after reads past the end. */
    long position() {
        return pos;
    }

    /**
     * {@code qemu_ftell}: bytes past the end are never obtained, so reads there do not advance it; it stays at
     * the data size, or at a seek target beyond it ({@code qemu_fseek} sets the offset without reading).
     */
    long tell() {
        return pos <= size ? pos : Math.max(size, seekTarget);
    }

    /** Whether {@code qemu_file_has_error} would be true: some byte at or past the end was asked for. */
    boolean hasError() {
        return furthest > size;
    }

    /** Bytes asked for past the end of the data. */
    long overrun() {
        return Math.max(0, furthest - size);
    }

    int u8() {
        int v = view.u8(pos);
        advance(1);
        return v;
    }

    long be32() {
        long v = view.be32(pos);
        advance(4);
        return v;
    }

    long be64() {
        long v = view.be64(pos);
        advance(8);
        return v;
    }

    /** Reads {@code n} bytes as text (an idstr); bytes past the end read as NUL. */
    String ascii(int n) {
        String text = same(n) ? last : read(n);
        last = text;
        advance(n);
        return text;
    }

    /** The idstr read last: sections of one device follow one another, and one string hashes once. */
    private String last = "";

    private boolean same(int n) {
        if (last.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (last.charAt(i) != view.u8(pos + i)) {
                return false;
            }
        }
        return true;
    }

    private String read(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) view.u8(pos + i));
        }
        return sb.toString();
    }

    /** Consumes {@code n} bytes the load function reads without us needing their values. */
    void skip(long n) {
        advance(n);
    }

    /** {@code qemu_fseek(SEEK_SET)}: used only by the v2-compat loader (FORMAT.md A.12). */
    void seek(long to) {
        pos = to;
        seekTarget = to;
    }

    private void advance(long n) {
        pos += n;
        furthest = Math.max(furthest, pos);
    }
}
