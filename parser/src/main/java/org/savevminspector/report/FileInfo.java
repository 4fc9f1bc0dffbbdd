package org.savevminspector.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.savevminspector.stream.ParseOptions;

/**
 * The input file as reports name it: the path as the user gave it, its size and its SHA-256 (lower-case hex),
 * so that a JSON report can be matched to the exact bytes it describes.
 */
public record FileInfo(String path, long size, String sha256) {

    private static final int BUFFER = 64 * 1024;

    public FileInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Reads the file once, streaming, to hash it (memory stays flat for multi-GiB images). */
    public static FileInfo of(Path file) throws IOException {
        return of(file, null);
    }

    /**
     * As {@link #of(Path)}, telling {@code progress} (bytes hashed, file size) every 64 MiB: hashing a multi-GiB
     * save image takes seconds, far longer than indexing it. {@code progress} may be {@code null}.
     */
    public static FileInfo of(Path file, ParseOptions.ProgressListener progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(file.toString(), in, progress == null ? 0 : Files.size(file), progress);
        }
    }

    /** Hashes what {@code in} holds ({@code total} bytes, for progress), streaming; {@code name} is the path. */
    public static FileInfo of(String name, InputStream in, long total, ParseOptions.ProgressListener progress)
            throws IOException {
        MessageDigest md = newDigest();
        long size = 0;
        long next = 0;
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
            size += n;
            if (progress != null && size >= next) {
                progress.progress(size, Math.max(total, size));
                next = size + (64L << 20);
            }
        }
        return new FileInfo(name, size, HexFormat.of().formatHex(md.digest()));
    }

    /** For bytes held in memory (repaired copies, tests); {@code name} is shown as the path. */
    public static FileInfo of(String name, byte[] data) {
        return new FileInfo(name, data.length, HexFormat.of().formatHex(newDigest().digest(data)));
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

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (java.security.MessageDigest javadoc)
            throw new IllegalStateException(e);
        }
    }
}
