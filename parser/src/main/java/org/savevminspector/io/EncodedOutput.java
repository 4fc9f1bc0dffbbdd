package org.savevminspector.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One write of an encoding {@link AtomicFileWriter} (a compression, {@link AtomicFileWriter#encoded}): every byte
 * goes through the encoder on its way to the file, its SHA-256 and length counted before encoding; before the
 * rename the written file is decoded again and must give back exactly those bytes, and a
 * {@link AtomicFileWriter.Check} then looks at the decoded bytes in a private temporary copy.
 */
final class EncodedOutput {
    private final AtomicFileWriter.Encoding encoding;
    /** What was encoded: what the written file must decode to. */
    private final Digest plain = new Digest();

    EncodedOutput(AtomicFileWriter.Encoding encoding) {
        this.encoding = encoding;
    }

    /** {@code content} through the encoder, counted before it. */
    AtomicFileWriter.Content encode(AtomicFileWriter.Content content) {
        return out -> {
            OutputStream keepOpen = new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the writer syncs and closes the file itself
                }
            };
            try (OutputStream enc = encoding.encoder(keepOpen)) {
                OutputStream counted = new BufferedOutputStream(new DigestOutputStream(enc, plain.md) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        super.write(b, off, len);
                        plain.length += len;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        super.write(b);
                        plain.length++;
                    }
                }, AtomicFileWriter.BUFFER);
                content.writeTo(counted);
                counted.flush();
            }
        };
    }

    /**
     * Decodes the written file: it must give back the bytes that were encoded; {@code check}, if any, then looks
     * at them in a private copy (removed afterwards).
     */
    AtomicFileWriter.Check decodeAndVerify(OutputTarget target, AtomicFileWriter.Check check) {
        return written -> {
            PrivateCopy copy = check == null ? null : PrivateCopy.create(InputOpener.defaultTempDir(),
                    new InputName(target.shown(), target.path()), null);
            try {
                Digest back = new Digest();
                try (InputStream in = encoding.decoder(new SourceInputStream(MappedByteSource.open(written)))) {
                    byte[] buf = new byte[AtomicFileWriter.BUFFER];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        back.md.update(buf, 0, n);
                        back.length += n;
                        if (copy != null) {
                            copy.write(ByteBuffer.wrap(buf, 0, n));
                        }
                    }
                } catch (IOException e) {
                    throw new IOException("the written " + encoding + " data cannot be decoded again: "
                            + AtomicFileWriter.reason(e), e);
                }
                if (back.length != plain.length || !Arrays.equals(back.md.digest(), plain.md.digest())) {
                    throw new IOException("the written " + encoding + " data decodes to " + back.length
                            + " bytes that differ from the " + plain.length + " bytes written");
                }
                if (copy != null) {
                    check.verify(copy.finish().file());
                }
            } finally {
                if (copy != null) {
                    copy.close();
                }
            }
        };
    }

    /** SHA-256 and length of a run of bytes. */
    private static final class Digest {
        final MessageDigest md;
        long length;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every Java platform has SHA-256
            }
        }
    }
}
