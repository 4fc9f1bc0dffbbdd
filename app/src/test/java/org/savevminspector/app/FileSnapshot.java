package org.savevminspector.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * What "the input is unchanged" means in the data-safety tests: the same bytes, the same modification time and
 * the same permissions. {@link #prepare} gives the file an mtime in the past, so that any write (even one that
 * puts back the same bytes) would show as a later mtime.
 */
public record FileSnapshot(Path path, byte[] bytes, FileTime mtime, Set<PosixFilePermission> mode) {

    static final FileTime PAST = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    /** Writes {@code bytes} to {@code path} (0644, mtime in 2020) and snapshots it. */
    public static FileSnapshot prepare(Path path, byte[] bytes) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(path, PAST);
        return of(path);
    }

    public static FileSnapshot of(Path path) throws IOException {
        return new FileSnapshot(path, Files.readAllBytes(path), Files.getLastModifiedTime(path),
                Files.getPosixFilePermissions(path));
    }

    /** {@code null} when the file is as snapshotted, otherwise what changed. */
    public String changes() throws IOException {
        FileSnapshot now = of(path);
        StringBuilder s = new StringBuilder();
        if (!Arrays.equals(bytes, now.bytes)) {
            s.append(" bytes changed (").append(bytes.length).append(" -> ").append(now.bytes.length).append(")");
        }
        if (!mtime.equals(now.mtime)) {
            s.append(" mtime ").append(mtime).append(" -> ").append(now.mtime);
        }
        if (!mode.equals(now.mode)) {
            s.append(" mode ").append(PosixFilePermissions.toString(mode)).append(" -> ")
                    .append(PosixFilePermissions.toString(now.mode));
        }
        return s.length() == 0 ? null : path + ":" + s;
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes, " + HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length))
                + "…, " + mtime + ")";
    }
}
