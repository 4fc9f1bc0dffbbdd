package org.savevminspector.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseOptions;

/**
 * The input file as reports name it: the path as the user gave it, its size and modification time, the SHA-256 of
 * the device-model (QEVM) stream the report judged, and the whole file's SHA-256 when it was computed, so that a
 * report can be matched to the exact bytes it describes.
 *
 * <p>A recognised save image is not read whole for a report unless asked ({@code --hash}): hashing 16 GiB takes
 * a minute, indexing it a fraction of a second, and the verdict rests on the stream alone. A bare stream's hash is
 * the file's, and a file of no known container is hashed whole (the fallback scan has read all of it anyway).
 *
 * @param path     the path as the user gave it
 * @param size     bytes
 * @param modified last modification time; {@code null} for bytes held in memory
 * @param sha256   SHA-256 of the whole file (lower-case hex), {@code null} when it was not computed
 * @param qevm     the QEVM stream's bytes and their SHA-256, {@code null} when the file holds none
 */
public record FileInfo(String path, long size, Instant modified, String sha256, StreamDigest qevm) {

    /** Where the QEVM stream lies in the file and the SHA-256 of its bytes. */
    public record StreamDigest(long offset, long length, String sha256) {
        public StreamDigest {
            Objects.requireNonNull(sha256, "sha256");
        }

        /** Whether the stream is the whole file of {@code size} bytes. */
        public boolean covers(long size) {
            return offset == 0 && length == size;
        }
    }

    public FileInfo {
        Objects.requireNonNull(path, "path");
    }

    /** A bare stream whose hash is known (in-memory bytes, tests): the stream is the whole file. */
    public FileInfo(String path, long size, String sha256) {
        this(path, size, null, sha256, new StreamDigest(0, size, sha256));
    }

    /** For bytes held in memory (repaired copies, tests), reported as a bare stream; {@code name} is the path. */
    public static FileInfo of(String name, byte[] data) {
        return new FileInfo(name, data.length, Sha256.of(data));
    }

    /** Reads the whole file, streaming, and describes it as a bare stream. */
    public static FileInfo of(Path file) throws IOException {
        try (ByteSource src = ByteSource.open(file)) {
            return describe(file, src, null, true, null);
        }
    }

    /**
     * Describes {@code file}, open as {@code src} and indexed as {@code index}, for a report: size and modification
     * time, the SHA-256 of the QEVM stream the index found, and the whole file's SHA-256 when {@code wholeFile}
     * asks for it or when it costs nothing more (see the class comment).
     *
     * @param index    the container walk; {@code null} for a bare stream known as such
     * @param progress told of the whole-file hash (bytes hashed, file size); may be {@code null}
     * @throws java.io.UncheckedIOException when {@code src} cannot be read
     */
    public static FileInfo describe(Path file, ByteSource src, ContainerIndex index, boolean wholeFile,
                                    ParseOptions.ProgressListener progress) throws IOException {
        long size = src.size();
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Span stream = index == null ? new Span(0, size) : index.qevm();
        StreamDigest qevm = stream == null ? null
                : new StreamDigest(stream.offset(), stream.length(), Sha256.of(src, stream.offset(), stream.length()));
        String whole = null;
        if (qevm != null && qevm.covers(size)) {
            whole = qevm.sha256();
        } else if (wholeFile || index.kind() == null) {
            whole = Sha256.of(src, 0, size, progress, null);
        }
        return new FileInfo(file.toString(), size, modified, whole, qevm);
    }

    /**
     * The report header's description: {@code 7520 bytes, modified 2026-12-04T14:02:11Z, sha256 7ab4…}; an image's
     * stream hash follows as {@code QEVM stream sha256 …}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder().append(size).append(" bytes");
        if (modified != null) {
            b.append(", modified ").append(modified.truncatedTo(ChronoUnit.SECONDS));
        }
        if (sha256 != null) {
            b.append(", sha256 ").append(sha256);
        }
        if (qevm != null && (sha256 == null || !qevm.covers(size))) {
            b.append(", QEVM stream sha256 ").append(qevm.sha256());
        }
        return b.toString();
    }

    /**
     * The path as a URI reference for SARIF {@code artifactLocation.uri}: absolute paths become {@code file:}
     * URIs, relative ones stay relative (forward slashes, percent-encoded) so the log can be moved with the file.
     */
    public String uri() {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.toUri().toASCIIString();
        }
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.toAbsolutePath().toUri().toASCIIString();
        }
    }
}
