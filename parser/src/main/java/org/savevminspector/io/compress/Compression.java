package org.savevminspector.io.compress;

import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;

/**
 * The compressions a save file arrives in, recognised by their magic bytes (never by the file's name), decoded
 * and encoded by well-kept libraries: gzip and bzip2 by Apache Commons Compress, xz by xz-java (through Commons
 * Compress), zstd by aircompressor (pure Java: zstd-jni would unpack a native library into a temporary
 * directory). Concatenated members (what {@code cat a.gz b.gz} or parallel compressors such as pigz, pbzip2 and
 * pzstd write) are decoded as one stream, as the command-line tools do.
 */
public enum Compression implements AtomicFileWriter.Encoding {
    /** RFC 1952: {@code 1F 8B}, method 8 (deflate). */
    GZIP("gzip", ".gz", new byte[] {0x1F, (byte) 0x8B, 0x08}) {
        @Override
        public InputStream decoder(InputStream in) throws IOException {
            return new GzipCompressorInputStream(in, true);
        }

        @Override
        public OutputStream encoder(OutputStream out) throws IOException {
            return new GzipCompressorOutputStream(out);
        }
    },
    /** The .xz container: {@code FD 37 7A 58 5A 00}. */
    XZ("xz", ".xz", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}) {
        @Override
        public InputStream decoder(InputStream in) throws IOException {
            return new XZCompressorInputStream(in, true);
        }

        @Override
        public OutputStream encoder(OutputStream out) throws IOException {
            return new XZCompressorOutputStream(out);
        }
    },
    /** RFC 8878: the zstd frame magic {@code 28 B5 2F FD} (little-endian 0xFD2FB528). */
    ZSTD("zstd", ".zst", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}) {
        @Override
        public InputStream decoder(InputStream in) {
            return new ZstdInputStream(in);
        }

        @Override
        public OutputStream encoder(OutputStream out) throws IOException {
            return new ZstdOutputStream(out);
        }
    },
    /** {@code BZh} and the block size digit 1–9. */
    BZIP2("bzip2", ".bz2", new byte[] {'B', 'Z', 'h'}) {
        @Override
        public InputStream decoder(InputStream in) throws IOException {
            return new BZip2CompressorInputStream(in, true);
        }

        @Override
        public OutputStream encoder(OutputStream out) throws IOException {
            return new BZip2CompressorOutputStream(out);
        }

        @Override
        boolean matches(byte[] head, int n) {
            return super.matches(head, n) && n > 3 && head[3] >= '1' && head[3] <= '9';
        }
    };

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int MAGIC_BYTES = 6;

    private final String json;
    private final String extension;
    private final byte[] magic;

    Compression(String json, String extension, byte[] magic) {
        this.json = json;
        this.extension = extension;
        this.magic = magic;
    }

    /** The name reports use: {@code gzip}, {@code xz}, {@code zstd}, {@code bzip2}. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }

    /** The file-name extension of this compression ({@code .gz}, {@code .xz}, {@code .zst}, {@code .bz2}). */
    public String extension() {
        return extension;
    }

    /** Decodes {@code in}, which starts with this compression's magic. */
    @Override
    public abstract InputStream decoder(InputStream in) throws IOException;

    /** Encodes into {@code out}; closing the encoder writes the trailer and closes {@code out}. */
    @Override
    public abstract OutputStream encoder(OutputStream out) throws IOException;

    boolean matches(byte[] head, int n) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The compression whose magic the first {@code n} bytes of {@code head} carry, or {@code null}. */
    public static Compression sniff(byte[] head, int n) {
        for (Compression c : values()) {
            if (c.matches(head, n)) {
                return c;
            }
        }
        return null;
    }

    /** The compression {@code src} starts with, or {@code null}. */
    public static Compression sniff(ByteSource src) {
        byte[] head = src.bytes(0, MAGIC_BYTES);
        return sniff(head, head.length);
    }

    /**
     * The compression an output file's name asks for by its extension (case-insensitive), or {@code null}: an
     * output is compressed only when its name says so.
     */
    public static Compression forOutputName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (lower.endsWith(c.extension) && lower.length() > c.extension.length()) {
                return c;
            }
        }
        return null;
    }
}
