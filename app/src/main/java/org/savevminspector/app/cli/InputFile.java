package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.InputName;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.FileInfo;

/**
 * An input of a command, opened ({@link FileArguments#open}: a pipe or standard input is read once into a private
 * copy) and inspected. An empty file or one that is not a QEVM stream is readable: it is inspected and reported.
 * Only an input that cannot be read (missing, a directory, a character device, no permission, an I/O error, over
 * the size cap) is a {@link CliException} with exit code 2 and a one-line reason. Nothing is hashed here: a report
 * asks {@link #describe} for what its header carries.
 *
 * @param input      the opened input; closed (a private copy removed) with this object
 * @param source     the open bytes (reports inline raw bytes, repairs copy them); closed with this object
 * @param inspection the parse and the loader simulation (of the embedded QEVM stream of a save image, at
 *                   absolute offsets, with the container's diagnostics)
 * @param image      the container index and the stream's own inspection
 */
record InputFile(Input input, ByteSource source, Inspection inspection, ImageInspection image)
        implements AutoCloseable {

    /**
     * Inspects {@code in} (opened by {@link FileArguments#open}); a save image is indexed first (FORMAT.md D) and its QEVM
     * stream inspected at absolute offsets, with the loader simulation of {@code loader}. With {@code progress}
     * non-null, inputs of at least {@value IndexProgress#MIN_SIZE} bytes report indexing progress there. With
     * {@code pfnArrays} false a migration-v2 image's pages are counted from its record lengths
     * ({@link ContainerIndexer#headersOnly}). On any failure {@code in} is closed.
     */
    static InputFile inspect(Inspector inspector, Input in, LoaderProfile loader, PrintWriter progress,
                             boolean pfnArrays) {
        ByteSource src = null;
        try {
            src = in.open();
            ContainerIndexer indexer = pfnArrays ? ContainerIndexer.standard()
                    : ContainerIndexer.standard().headersOnly();
            ImageInspection image = new ImageInspector(indexer, inspector).inspect(src,
                    IndexProgress.options(progress, in.name(), src.size()), loader);
            return new InputFile(in, src, image.inspection(), image);
        } catch (IOException e) {
            close(src, in);
            throw readFailure(in.name(), e);
        } catch (UncheckedIOException e) {
            close(src, in);
            throw readFailure(in.name(), e.getCause());
        } catch (RuntimeException | Error e) {
            close(src, in);
            throw e;
        }
    }

    /**
     * The report header's description of the input as indexed by {@code index} ({@link FileInfo#describe}): the
     * stored file's size and modification time, the QEVM stream's SHA-256, and the stored file's when
     * {@code wholeFile} (progress on {@code progress} for large files).
     */
    FileInfo describe(ContainerIndex index, boolean wholeFile, PrintWriter progress) {
        try {
            return FileInfo.describe(input, source, index, wholeFile,
                    IndexProgress.listener(progress, input.name(), input.size(), "hashing (sha256)"));
        } catch (IOException e) {
            throw readFailure(input.name(), e);
        } catch (UncheckedIOException e) {
            throw readFailure(input.name(), e.getCause());
        }
    }

    private static void close(ByteSource src, Input in) {
        if (src != null) {
            src.close();
        }
        in.close();
    }

    /** The file the user named, for "never write onto the input"; {@code null} for standard input and pipes. */
    Path original() {
        return input.original();
    }

    /** What the bytes were read out of: a compression, a VHD (empty for a file read as it is). */
    List<InputLayer> layers() {
        return input.layers();
    }

    /**
     * This input cut to where its save image ends (the last record of a container, the EOF marker of a bare
     * stream) and inspected again: a save image read out of a virtual disk is followed by the rest of the disk,
     * which is no part of it. The result shares this one's source; close only this one.
     */
    InputFile imageOnly(Inspector inspector, LoaderProfile loader) {
        long end = source.size();
        if (image.index().isContainer()) {
            for (Diagnostic d : image.index().diagnostics()) {
                if (d.code() == DiagnosticCode.CONTAINER_TRAILING) {
                    end = d.offset();
                }
            }
        } else if (inspection.parse().eof() != null) {
            end = inspection.parse().eof().end();
        }
        if (end == source.size()) {
            return this;
        }
        ByteSource cut = new SliceByteSource(source, 0, end);
        ImageInspection again = new ImageInspector(ContainerIndexer.standard(), inspector).inspect(cut,
                ParseOptions.DEFAULT, loader);
        return new InputFile(input, cut, again.inspection(), again);
    }

    /** The input as the user named it. */
    String shown() {
        return input.name().shown();
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
        close(source, input);
    }

    static CliException readFailure(Path p, IOException e) {
        return readFailure(InputName.of(p), e);
    }

    static CliException readFailure(InputName name, IOException e) {
        return new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + name.shown() + ": " + IoReason.of(e), e);
    }
}
