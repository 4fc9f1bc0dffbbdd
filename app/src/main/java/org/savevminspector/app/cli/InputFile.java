package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.report.FileInfo;

/**
 * An input file of a command, checked, hashed, opened and inspected. An empty file or one that is not a QEVM
 * stream is readable: it is inspected and reported. Only a path that cannot be read (missing, a directory, no
 * permission, an I/O error) is a {@link CliException} with exit code 2 and a one-line reason.
 *
 * @param info       name, size and hash for the report header
 * @param source     the open bytes (reports inline raw bytes, repairs copy them); closed with this object
 * @param inspection the parse and the loader simulation (of the embedded QEVM stream of a save image, at
 *                   absolute offsets, with the container's diagnostics)
 * @param image      the container index and the stream's own inspection
 */
record InputFile(FileInfo info, ByteSource source, Inspection inspection, ImageInspection image)
        implements AutoCloseable {

    /** Checks, hashes, opens and inspects {@code p}; on any failure the source is closed again. */
    static InputFile inspect(Inspector inspector, Path p) {
        return inspect(inspector, p, LoaderProfiles.upstream(), null);
    }

    /** As {@link #inspect(Inspector, Path, LoaderProfile, PrintWriter)} with upstream's loader. */
    static InputFile inspect(Inspector inspector, Path p, PrintWriter progress) {
        return inspect(inspector, p, LoaderProfiles.upstream(), progress);
    }

    /**
     * As {@link #inspect(Inspector, Path)}; a save image is indexed first (§D) and its QEVM stream inspected at
     * absolute offsets, with the loader simulation of {@code loader}. With {@code progress} non-null, files of
     * at least {@value IndexProgress#MIN_SIZE} bytes report indexing progress there.
     */
    static InputFile inspect(Inspector inspector, Path p, LoaderProfile loader, PrintWriter progress) {
        requireReadable(p);
        FileInfo info;
        ByteSource src;
        try {
            info = FileInfo.of(p, IndexProgress.listener(progress, p, Files.size(p), "hashing (sha256)"));
            src = MappedByteSource.open(p);
        } catch (IOException e) {
            throw readFailure(p, e);
        }
        try {
            ImageInspector images = new ImageInspector(ContainerIndexer.standard(), inspector);
            ImageInspection image = images.inspect(src, IndexProgress.options(progress, p, src.size()), loader);
            return new InputFile(info, src, image.inspection(), image);
        } catch (UncheckedIOException e) {
            src.close();
            throw readFailure(p, e.getCause());
        } catch (RuntimeException | Error e) {
            src.close();
            throw e;
        }
    }

    /** The QEVM stream's own bytes: the whole file for a bare stream, the device-model record of an image. */
    ByteSource streamSource() {
        if (image.index().qevm() == null || image.stream() == null) {
            return source;
        }
        return new SliceByteSource(source, image.index().qevm().offset(), image.index().qevm().length());
    }

    /** The stream's inspection at its own offsets (matches {@link #streamSource()}). */
    Inspection streamInspection() {
        return image.stream() == null ? inspection : image.stream();
    }

    @Override
    public void close() {
        source.close();
    }

    /** Fails with a clear reason unless {@code p} is a readable regular file. */
    static void requireReadable(Path p) {
        String why = IoReason.unreadable(p);
        if (why != null) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": " + why);
        }
    }

    static CliException readFailure(Path p, IOException e) {
        return new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + p + ": " + IoReason.of(e), e);
    }
}
