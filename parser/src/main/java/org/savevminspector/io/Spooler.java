package org.savevminspector.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * Reads an input that can be read only once — to its end, exactly once — into memory when it is small and into a
 * {@link PrivateCopy} otherwise, up to a cap, telling a listener how far it got.
 */
final class Spooler {
    /** How often the listener hears of progress. */
    static final long PROGRESS_STEP = 16L << 20;
    private static final int CHUNK = 1 << 20;

    private final long cap;
    private final int memoryLimit;
    private final Path tempDir;
    private final InputOpener.ReadProgress progress;

    Spooler(long cap, int memoryLimit, Path tempDir, InputOpener.ReadProgress progress) {
        this.cap = cap;
        this.memoryLimit = memoryLimit;
        this.tempDir = tempDir;
        this.progress = progress;
    }

    /**
     * Reads {@code in} to its end. {@code original} is the file the user named, if any.
     *
     * @throws InputTooLargeException when more than the cap arrives (the partial copy is removed)
     * @throws IOException            when reading or writing the copy fails (the partial copy is removed)
     */
    Input spool(InputName name, Path original, ReadableByteChannel in) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        PrivateCopy copy = null;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long total = 0;
        long nextReport = PROGRESS_STEP;
        try {
            if (memoryLimit == 0) {
                copy = PrivateCopy.create(tempDir, name, original); // a file even for no bytes at all
            }
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n == 0) {
                    continue;
                }
                total += n;
                if (total > cap) {
                    throw new InputTooLargeException(name, cap);
                }
                buf.flip();
                if (copy == null && memory.size() + buf.remaining() > memoryLimit) {
                    copy = PrivateCopy.create(tempDir, name, original);
                    copy.write(ByteBuffer.wrap(memory.toByteArray()));
                    memory = null;
                }
                if (copy != null) {
                    copy.write(buf);
                } else {
                    memory.write(buf.array(), 0, buf.limit());
                }
                buf.clear();
                if (total >= nextReport) {
                    progress.read(name, total);
                    nextReport = total + PROGRESS_STEP;
                }
            }
            return copy != null ? copy.finish() : new Input.InMemory(name, original, memory.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            if (copy != null) {
                copy.close();
            }
            throw e;
        }
    }
}
