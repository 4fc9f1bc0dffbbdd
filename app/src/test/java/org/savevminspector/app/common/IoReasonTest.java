package org.savevminspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoReasonTest {

    @Test
    void fileSystemFailuresSayWhyWithoutRepeatingThePath() {
        assertEquals("no such file", IoReason.of(new NoSuchFileException("/x/guest.sav")));
        assertEquals("permission denied", IoReason.of(new UncheckedIOException(new AccessDeniedException("/x"))));
        assertEquals("Read-only file system", IoReason.of(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("Input/output error", IoReason.of(new IOException("Input/output error")));
        assertEquals("IOException", IoReason.of(new IOException()));
    }

    @Test
    void anythingElseIsAnInternalErrorNamedAsSuch() {
        assertEquals("internal error (java.lang.IllegalStateException): broken",
                IoReason.of(new IllegalStateException("broken")));
        assertEquals("internal error (java.lang.NullPointerException)", IoReason.of(new NullPointerException()));
    }
}
