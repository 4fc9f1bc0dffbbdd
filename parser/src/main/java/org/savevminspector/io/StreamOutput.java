package org.savevminspector.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;

/**
 * Writing to a target that is not a regular file ({@link OutputTarget}): a FIFO, a character device such as
 * {@code /dev/null}, or standard output. There is nothing to rename there, so the bytes go straight to it; with a
 * {@link AtomicFileWriter.Check} they are first written to a private temporary copy and checked there, so that a
 * stream never carries bytes that fail the check.
 */
final class StreamOutput {
    private StreamOutput() {
    }

    static void write(AtomicFileWriter.Storage storage, OutputTarget target, AtomicFileWriter.Content content,
                      AtomicFileWriter.Check check) throws IOException {
        PrivateCopy checked = null;
        try {
            if (check != null) {
                checked = PrivateCopy.create(InputOpener.defaultTempDir(), new InputName(target.shown(),
                        target.path()), null);
                OutputStream copy = new BufferedOutputStream(checked.output(), AtomicFileWriter.BUFFER);
                content.writeTo(copy);
                copy.flush();
                check.verify(checked.finish().file());
            }
            String step = "opening it";
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(open(storage, target)),
                    AtomicFileWriter.BUFFER)) {
                step = "writing";
                if (checked != null) {
                    copyAll(checked, out);
                } else {
                    content.writeTo(out);
                }
                out.flush();
            } catch (IOException e) {
                FileSystemException f = new FileSystemException(target.shown(), null, AtomicFileWriter.reason(e)
                        + " (while " + step + ")"
                        + (step.equals("writing") ? "; the output is incomplete" : "; nothing was written"));
                f.initCause(e);
                throw f;
            }
        } finally {
            if (checked != null) {
                checked.close();
            }
        }
    }

    /** The stream to write; standard output is never closed by the writer. */
    private static WritableByteChannel open(AtomicFileWriter.Storage storage, OutputTarget target) throws IOException {
        if (target.kind() == OutputTarget.Kind.STANDARD_OUTPUT) {
            return new Unclosable(storage.standardOutput());
        }
        return storage.openStream(target.path());
    }

    private static void copyAll(PrivateCopy from, OutputStream out) throws IOException {
        byte[] buf = new byte[AtomicFileWriter.BUFFER];
        try (ByteSource src = from.open()) {
            long pos = 0;
            int n;
            while ((n = src.read(pos, buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
                pos += n;
            }
        }
    }
}
