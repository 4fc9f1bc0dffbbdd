package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.report.FileInfo;

/**
 * Opening an input file for a command. An empty file or one that is not a QEVM stream is readable: it is
 * inspected and reported. Only a path that cannot be read (missing, a directory, no permission, an I/O error)
 * is a {@link CliException} with exit code 2 and a one-line reason.
 */
final class InputFile {
    private InputFile() {
    }

    /** Fails with a clear reason unless {@code p} is a readable regular file. */
    static void requireReadable(Path p) {
        if (!Files.exists(p)) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": it is a directory, not a file");
        }
        if (!Files.isReadable(p)) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": permission denied");
        }
    }

    /** Hash of the file, for report headers. */
    static FileInfo info(Path p) {
        try {
            return FileInfo.of(p);
        } catch (IOException e) {
            throw readFailure(p, e);
        }
    }

    static ByteSource open(Path p) {
        try {
            return ByteSource.open(p);
        } catch (IOException e) {
            throw readFailure(p, e);
        }
    }

    /** Inspects the whole file; an I/O error while parsing becomes a {@link CliException}. */
    static Inspection inspect(Inspector inspector, ByteSource src, Path p) {
        try {
            return inspector.inspect(src);
        } catch (UncheckedIOException e) {
            throw readFailure(p, e.getCause());
        }
    }

    static CliException readFailure(Path p, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": " + why, e);
    }
}
