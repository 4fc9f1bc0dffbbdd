package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.savevminspector.app.IoReason;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.FileInfo;

/**
 * An input file of a command, checked, opened and inspected. An empty file or one that is not a QEVM stream is
 * readable: it is inspected and reported. Only a path that cannot be read (missing, a directory, no permission, an
 * I/O error) is a {@link CliException} with exit code 2 and a one-line reason. Nothing is hashed here: a report
 * asks {@link #describe} for what its header carries.
 *
 * @param path       the path as the user gave it
 * @param source     the open bytes (reports inline raw bytes, repairs copy them); closed with this object
 * @param inspection the parse and the loader simulation (of the embedded QEVM stream of a save image, at
 *                   absolute offsets, with the container's diagnostics)
 * @param image      the container index and the stream's own inspection
 */
record InputFile(Path path, ByteSource source, Inspection inspection, ImageInspection image)
        implements AutoCloseable {

    /** How a command opens its inputs (read-only). */
    @FunctionalInterface
    interface Opener {
        ByteSource open(Path p) throws IOException;
    }

    /** Memory-mapped windows: header hops over a multi-GiB image fault in only the pages they touch. */
    static final Opener MAPPED = MappedByteSource::open;

    /**
     * Checks, opens and inspects {@code p}: a save image is indexed first (§D) and its QEVM stream inspected at
     * absolute offsets, with the loader simulation of {@code loader}. With {@code progress} non-null, files of at
     * least {@value IndexProgress#MIN_SIZE} bytes report indexing progress there. With {@code pfnArrays} false a
     * migration-v2 image's pages are counted from its record lengths. On any failure the source is closed again.
     */
    static InputFile inspect(Inspector inspector, Path p, LoaderProfile loader, PrintWriter progress, Opener opener,
                             boolean pfnArrays) {
        requireReadable(p);
        ByteSource src;
        try {
            src = opener.open(p);
        } catch (IOException e) {
            throw readFailure(p, e);
        }
        try {
            ContainerIndexer indexer = pfnArrays ? ContainerIndexer.standard()
                    : ContainerIndexer.standard().headersOnly();
            ImageInspection image = new ImageInspector(indexer, inspector).inspect(src,
                    IndexProgress.options(progress, p, src.size()), loader);
            return new InputFile(p, src, image.inspection(), image);
        } catch (UncheckedIOException e) {
            src.close();
            throw readFailure(p, e.getCause());
        } catch (RuntimeException | Error e) {
            src.close();
            throw e;
        }
    }

    /**
     * The report header's description of the file as indexed by {@code index}: size, modification time, the QEVM
     * stream's SHA-256, and the whole file's when {@code wholeFile} (progress on {@code progress} for large files).
     */
    FileInfo describe(ContainerIndex index, boolean wholeFile, PrintWriter progress) {
        try {
            return FileInfo.describe(path, source, index, wholeFile,
                    IndexProgress.listener(progress, path, source.size(), "hashing (sha256)"));
        } catch (IOException e) {
            throw readFailure(path, e);
        } catch (UncheckedIOException e) {
            throw readFailure(path, e.getCause());
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
