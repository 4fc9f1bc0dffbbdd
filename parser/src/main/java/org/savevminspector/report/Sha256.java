package org.savevminspector.report;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;

/** SHA-256 (lower-case hex) of a byte range, read in blocks so that memory stays flat for multi-GiB images. */
public final class Sha256 {
    private static final int BLOCK = 1 << 20;
    private static final long PROGRESS_STEP = 64L << 20;

    private Sha256() {
    }

    public static String of(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** The hash of {@code length} bytes of {@code src} at {@code offset}. */
    public static String of(ByteSource src, long offset, long length) {
        return of(src, offset, length, null, null);
    }

    /**
     * As {@link #of(ByteSource, long, long)}, telling {@code progress} (bytes hashed, {@code length}) every 64 MiB
     * and at the end, and polling {@code cancelled} between blocks; either may be {@code null}.
     *
     * @throws CancellationException    when {@code cancelled} answers true
     * @throws java.io.UncheckedIOException when the bytes cannot be read
     */
    public static String of(ByteSource src, long offset, long length, ParseOptions.ProgressListener progress,
                            BooleanSupplier cancelled) {
        MessageDigest md = digest();
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(1, length))];
        long done = 0;
        long next = 0;
        while (done < length) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new CancellationException("hashing cancelled at offset " + (offset + done));
            }
            if (progress != null && done >= next) {
                progress.progress(done, length);
                next = done + PROGRESS_STEP;
            }
            int n = src.read(offset + done, buf, 0, (int) Math.min(buf.length, length - done));
            if (n <= 0) {
                throw new UncheckedIOException(new EOFException("the file ended at offset " + (offset + done)
                        + " while hashing " + length + " bytes from offset " + offset));
            }
            md.update(buf, 0, n);
            done += n;
        }
        if (progress != null) {
            progress.progress(length, length);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (java.security.MessageDigest javadoc)
            throw new IllegalStateException(e);
        }
    }
}
