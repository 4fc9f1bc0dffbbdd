package org.savevminspector.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A channel its user cannot close: the {@link AtomicFileWriter.Content} must not close the temporary file before
 * it is synced, nor anything close the process's standard output.
 */
final class Unclosable implements WritableByteChannel {
    private final WritableByteChannel ch;

    Unclosable(WritableByteChannel ch) {
        this.ch = ch;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return ch.write(src);
    }

    @Override
    public boolean isOpen() {
        return ch.isOpen();
    }

    @Override
    public void close() {
        // its owner closes it (the writer, after force(); standard output, never)
    }
}
