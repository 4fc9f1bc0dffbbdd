package org.savevminspector.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.io.vhd.VhdLayer;
import org.savevminspector.model.Span;

/**
 * The input as reports name it: the path as the user gave it, the size and modification time of the file it
 * names, the SHA-256 of the device-model (QEVM) stream the report judged, and the whole file's SHA-256 when it was
 * computed, so that a report can be matched to the exact bytes it describes.
 *
 * <p>A recognised save image is not read whole for a report unless asked ({@code --hash}): hashing 16 GiB takes
 * a minute, indexing it a fraction of a second, and the verdict rests on the stream alone. A bare stream's hash is
 * the file's, and a file of no known container is hashed whole (the fallback scan has read all of it anyway).
 *
 * <p>A file read out of layers (a compression, a VHD) is described as it is stored — its size, time and whole
 * hash are what {@code ls -l} and {@code sha256sum} say of it — while the report's offsets, the stream's
 * included, address the bytes decoded from it ({@link #decoded}).
 *
 * @param path     the path as the user gave it ({@code -} for standard input)
 * @param size     bytes of the file as stored (for standard input or a pipe: the bytes that arrived)
 * @param modified last modification time; {@code null} for standard input, a pipe, a device and bytes held in
 *                 memory
 * @param sha256   SHA-256 of the file as stored (lower-case hex), {@code null} when it was not computed or its
 *                 bytes are no longer held (a compressed pipe: only the decompressed data is kept)
 * @param decoded  the bytes the report's offsets address when they are not the file as stored, else {@code null}
 * @param qevm     the QEVM stream's bytes and their SHA-256, {@code null} when the file holds none
 */
public record FileInfo(String path, long size, Instant modified, String sha256, Decoded decoded, StreamDigest qevm) {

    /** Where the QEVM stream lies in the bytes the report addresses, and the SHA-256 of its bytes. */
    public record StreamDigest(long offset, long length, String sha256) {
        public StreamDigest {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The bytes decoded out of the stored file, which the report's offsets address.
     *
     * @param what e.g. {@code gzip-decompressed data}, {@code virtual disk of the dynamic VHD}
     * @param size their number
     */
    public record Decoded(String what, long size) {
        public Decoded {
            Objects.requireNonNull(what, "what");
        }
    }

    public FileInfo {
        Objects.requireNonNull(path, "path");
    }

    /** A bare stream whose hash is known (in-memory bytes, tests): the stream is the whole file. */
    public FileInfo(String path, long size, String sha256) {
        this(path, size, null, sha256, null, new StreamDigest(0, size, sha256));
    }

    /** For bytes held in memory (repaired copies, tests), reported as a bare stream; {@code name} is the path. */
    public static FileInfo of(String name, byte[] data) {
        return new FileInfo(name, data.length, Sha256.of(data));
    }

    /** Reads the whole file, streaming, and describes it as a bare stream. */
    public static FileInfo of(Path file) throws IOException {
        try (ByteSource src = ByteSource.open(file)) {
            String sha = Sha256.of(src, 0, src.size());
            return new FileInfo(file.toString(), src.size(), Files.getLastModifiedTime(file).toInstant(), sha, null,
                    new StreamDigest(0, src.size(), sha));
        }
    }

    /**
     * Describes {@code in} for a report: the stored file's size and modification time, the SHA-256 of the QEVM
     * stream {@code index} found in {@code judged}, and the stored file's SHA-256 when {@code wholeFile} asks for it
     * or when it costs nothing more (see the class comment).
     *
     * @param judged   the bytes the report addresses (the input's, or a part of them that starts where they do)
     * @param index    the container walk of {@code judged}; {@code null} for a bare stream known as such
     * @param progress told of the whole-file hash (bytes hashed, file size); may be {@code null}
     * @throws IOException                  when the stored file cannot be reopened for its hash
     * @throws java.io.UncheckedIOException when {@code judged} cannot be read
     */
    public static FileInfo describe(Input in, ByteSource judged, ContainerIndex index, boolean wholeFile,
                                    ParseOptions.ProgressListener progress) throws IOException {
        List<InputLayer> layers = in.layers();
        Decoded decoded = layers.isEmpty() ? null : new Decoded(decodedWhat(layers), in.size());
        long size = in.storedSize();
        Span stream = index == null ? new Span(0, judged.size()) : index.qevm();
        StreamDigest qevm = stream == null ? null : new StreamDigest(stream.offset(), stream.length(),
                Sha256.of(judged, stream.offset(), stream.length()));
        FileInfo info = new FileInfo(in.name().shown(), size, in.modified(), null, decoded, qevm);
        String whole = null;
        if (info.streamIsTheFile()) {
            whole = qevm.sha256();
        } else if (wholeFile || (decoded == null && index != null && index.kind() == null)) {
            whole = storedHash(in, progress);
        }
        return new FileInfo(info.path, size, info.modified, whole, decoded, qevm);
    }

    /** The innermost layer names what the offsets address. */
    private static String decodedWhat(List<InputLayer> layers) {
        InputLayer last = layers.get(layers.size() - 1);
        if (last instanceof VhdLayer v) {
            return "virtual disk of the " + v.disk().type().json() + " VHD";
        }
        return last.kind() + "-decompressed data";
    }

    /** The stored bytes' hash ({@link Input#openStored}); {@code null} when no file holds them any more. */
    private static String storedHash(Input in, ParseOptions.ProgressListener progress) throws IOException {
        try (ByteSource stored = in.openStored()) {
            return stored == null ? null : Sha256.of(stored, 0, stored.size(), progress, null);
        }
    }

    /** Whether the QEVM stream is the whole file as stored (a bare stream read as it is). */
    public boolean streamIsTheFile() {
        return decoded == null && qevm != null && qevm.offset() == 0 && qevm.length() == size;
    }

    /**
     * The report header's description: {@code 7520 bytes, modified 2026-12-04T14:02:11Z, sha256 7ab4…}; the
     * stream's hash follows as {@code QEVM stream sha256 …} unless the stream is the file.
     */
    public String summary() {
        StringBuilder b = new StringBuilder().append(size).append(" bytes");
        if (modified != null) {
            b.append(", modified ").append(modified.truncatedTo(ChronoUnit.SECONDS));
        }
        if (sha256 != null) {
            b.append(", sha256 ").append(sha256);
        }
        if (qevm != null && !(sha256 != null && streamIsTheFile())) {
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
