package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.InputName;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.io.SourceInputStream;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.FileInfo;
import org.savevminspector.stream.ParseOptions;

/**
 * An input of a command, opened ({@link FileArguments#open}: a pipe or standard input is read once into a private
 * copy), hashed and inspected. An empty file or one that is not a QEVM stream is readable: it is inspected and
 * reported.
 * Only an input that cannot be read (missing, a directory, a character device, no permission, an I/O error, over
 * the size cap) is a {@link CliException} with exit code 2 and a one-line reason.
 *
 * @param info       name (as the user gave it), size and hash for the report header
 * @param input      the opened input; closed (a private copy removed) with this object
 * @param source     the open bytes (reports inline raw bytes, repairs copy them); closed with this object
 * @param inspection the parse and the loader simulation (of the embedded QEVM stream of a save image, at
 *                   absolute offsets, with the container's diagnostics)
 * @param image      the container index and the stream's own inspection
 */
record InputFile(FileInfo info, Input input, ByteSource source, Inspection inspection, ImageInspection image)
        implements AutoCloseable {

    /**
     * Hashes and inspects {@code in} (opened by {@link FileArguments#open}); a save image is indexed first (§D)
     * and its QEVM stream inspected at absolute offsets, with the loader simulation of {@code loader}. With
     * {@code progress} non-null, inputs of at least {@value IndexProgress#MIN_SIZE} bytes report hashing and
     * indexing progress there. On any failure {@code in} is closed.
     */
    static InputFile inspect(Inspector inspector, Input in, LoaderProfile loader, PrintWriter progress) {
        return inspect(inspector, in, loader, progress, true);
    }

    /**
     * As {@link #inspect(Inspector, Input, LoaderProfile, PrintWriter)}; with {@code hash} false the input is not
     * read whole for a SHA-256 (its {@link FileInfo} carries an empty hash): {@code check} prints none, and hashing
     * is most of the time a fleet of multi-GiB images would take.
     */
    static InputFile inspect(Inspector inspector, Input in, LoaderProfile loader, PrintWriter progress, boolean hash) {
        ByteSource src = null;
        try {
            FileInfo info = hash ? hash(in, progress) : new FileInfo(in.name().shown(), in.size(), "");
            src = in.open();
            ImageInspector images = new ImageInspector(ContainerIndexer.standard(), inspector);
            ImageInspection image = images.inspect(src, IndexProgress.options(progress, in.name(), src.size()),
                    loader);
            return new InputFile(info, in, src, image.inspection(), image);
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

    /** Name as given, size and SHA-256 of exactly the bytes read. */
    private static FileInfo hash(Input in, PrintWriter progress) throws IOException {
        FileInfo f;
        ParseOptions.ProgressListener l = IndexProgress.listener(progress, in.name(), in.size(), "hashing (sha256)");
        if (in.file() != null) {
            f = FileInfo.of(in.file(), l);
        } else {
            // bytes in memory, or a virtual disk that no file holds as it is: hashed through its source
            try (ByteSource s = in.open()) {
                f = FileInfo.of(in.name().shown(), new SourceInputStream(s), s.size(), l);
            }
        }
        return new FileInfo(in.name().shown(), f.size(), f.sha256());
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
        return new InputFile(info, input, cut, again.inspection(), again);
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
