package org.savevminspector.io.compress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputStep;
import org.savevminspector.io.SourceInputStream;

/**
 * The input step that replaces a compressed input by its decompressed bytes, read once into memory or a private
 * copy (mode 0600, removed on close and at exit) under the input's size cap and with its progress. Recognised by
 * magic bytes only. Compressed data that is cut short or damaged does not lose what came before: the bytes
 * decoded up to that point are the input, and the layer says where decoding stopped ({@link CompressionLayer}).
 */
public final class Decompression implements InputStep {

    /** First: what a compressed file holds may be a virtual disk. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public Input apply(Input in, Context context) throws IOException {
        Compression c;
        try (ByteSource s = in.open()) {
            c = Compression.sniff(s);
        }
        if (c == null) {
            return in;
        }
        try {
            SourceInputStream compressed = new SourceInputStream(in.open());
            InputStream decoded;
            try {
                decoded = new UncheckedAsIo(UncheckedAsIo.call(() -> c.decoder(compressed)));
            } catch (IOException e) {
                // the compression's own header is unreadable: nothing decodes
                compressed.close();
                Input none = context.copy(in, Channels.newChannel(InputStream.nullInputStream()));
                return Input.layered(none, in.layers(), new CompressionLayer(c, in.size(), 0, damaged(c, 0, 0, e)));
            }
            Input copy;
            Fault fault = new Fault(decoded);
            try (decoded) {
                copy = context.copy(in, Channels.newChannel(fault));
            }
            Diagnostic problem = fault.failure == null ? null
                    : damaged(c, compressed.position(), copy.size(), fault.failure);
            return Input.layered(copy, in.layers(), new CompressionLayer(c, in.size(), copy.size(), problem));
        } finally {
            in.close();
        }
    }

    private static Diagnostic damaged(Compression c, long compressedAt, long decoded, IOException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return Diagnostic.raise(DiagnosticCode.COMPRESSED_DATA_DAMAGED, "stops-decoding", compressedAt, 0, -1,
                c.json(), Offset.of(compressedAt), why, decoded);
    }

    /** Ends the stream where decoding fails, remembering why: what was decoded before stays. */
    private static final class Fault extends InputStream {
        private final InputStream in;
        IOException failure;

        Fault(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (failure != null) {
                return -1;
            }
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }
    }
}
