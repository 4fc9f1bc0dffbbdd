package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The I/O failures the file system may raise after the up-front checks (races, root-proof permissions). */
class InputFileTest {
    private static final Path P = Path.of("guest.sav");

    @Test
    void ioFailuresBecomeOneLineWithExitTwo() {
        CliException denied = InputFile.readFailure(P, new AccessDeniedException("guest.sav"));
        assertEquals(2, denied.exitCode());
        assertEquals("cannot read guest.sav: permission denied", denied.getMessage());
        assertEquals("cannot read guest.sav: no such file",
                InputFile.readFailure(P, new NoSuchFileException("guest.sav")).getMessage());
        assertEquals("cannot read guest.sav: Input/output error",
                InputFile.readFailure(P, new IOException("Input/output error")).getMessage());
    }
}
