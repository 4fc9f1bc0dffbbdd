package org.savevminspector.io.compress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A decoder whose failures are all {@link IOException}s. The decoders are third-party code fed hostile bytes, and
 * not all of them fail with an {@code IOException}: fuzzing the input layer found aircompressor's zstd decoder
 * throwing its unchecked {@code MalformedInputException} and an {@code ArrayIndexOutOfBoundsException} on damaged
 * frames. Whatever a decoder throws while decoding means "the data stops decoding here", which {@link
 * Decompression} turns into a diagnostic that keeps the bytes decoded before it; it must never reach the user as a
 * failure of the tool.
 */
final class UncheckedAsIo extends FilterInputStream {

    /** Something that opens a decoder. */
    interface Opening {
        InputStream open() throws IOException;
    }

    UncheckedAsIo(InputStream decoder) {
        super(decoder);
    }

    /** Opens a decoder (which may read and check the compression's header), its failures as {@link IOException}. */
    static InputStream call(Opening o) throws IOException {
        try {
            return o.open();
        } catch (RuntimeException e) {
            throw asIo(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (RuntimeException e) {
            throw asIo(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (RuntimeException e) {
            throw asIo(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (RuntimeException e) {
            throw asIo(e);
        }
    }

    private static IOException asIo(RuntimeException e) {
        if (e instanceof UncheckedIOException u) {
            return u.getCause(); // reading the compressed file itself failed
        }
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return new IOException("the decoder failed, " + e.getClass().getSimpleName() + why, e);
    }
}
