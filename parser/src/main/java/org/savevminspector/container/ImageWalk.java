package org.savevminspector.container;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Meaning;
import org.savevminspector.model.Span;

/**
 * The state of one walk over a save image: the bytes, what has been found so far, progress and cancellation.
 * Walkers read headers through it with bounds checks that turn "the file ends here" into a diagnostic with
 * offsets instead of an exception.
 */
public final class ImageWalk {
    private static final long PROGRESS_STEP = 16L << 20;

    final ByteSource src;
    final long size;
    final List<ContainerRecord> records = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<LengthField> lengthFields = new ArrayList<>();
    Span qevm;
    Span padding;
    boolean qevmToEof;
    /** Whether migration-v2 pfn arrays are read (legacy batches need theirs to be skipped at all). */
    final boolean pfnArrays;
    private final ParseOptions options;
    private long nextProgress;

    ImageWalk(ByteSource src, ParseOptions options) {
        this(src, options, true);
    }

    ImageWalk(ByteSource src, ParseOptions options, boolean pfnArrays) {
        this.src = src;
        this.size = src.size();
        this.options = options == null ? ParseOptions.DEFAULT : options;
        this.pfnArrays = pfnArrays;
    }

    /** Progress (at most every 16 MiB of file) and the cancellation check; called once per record. */
    void step(long position) {
        if (options.cancelled() != null && options.cancelled().getAsBoolean()) {
            throw new CancellationException("indexing cancelled at offset " + position);
        }
        if (options.progress() != null && position >= nextProgress) {
            options.progress().progress(Math.min(position, size), size);
            nextProgress = position + PROGRESS_STEP;
        }
    }

    void finish() {
        if (options.progress() != null) {
            options.progress().progress(size, size);
        }
    }

    /**
     * Whether {@code len} bytes of {@code what} fit at {@code pos}; if not, a {@code CONTAINER_TRUNCATED} error
     * says where and by how much, and the walk must stop.
     */
    boolean need(long pos, long len, String what) {
        return need(pos, len, "needs", what);
    }

    /**
     * The same with the catalogue's {@code variant} of {@code CONTAINER_TRUNCATED}, which takes the arguments of
     * {@code needs} and {@code more} after them.
     */
    boolean need(long pos, long len, String variant, String what, Object... more) {
        if (pos >= 0 && len >= 0 && len <= size - pos) {
            return true;
        }
        long have = Math.max(0, size - pos);
        Object[] args = new Object[5 + more.length];
        args[0] = what;
        args[1] = Offset.of(pos);
        args[2] = len;
        args[3] = Offset.of(size);
        args[4] = have;
        System.arraycopy(more, 0, args, 5, more.length);
        error(DiagnosticCode.CONTAINER_TRUNCATED, variant, pos, have, args);
        return false;
    }

    /** Raises the catalogue's {@code variant} of {@code code} (no section: a container has none). */
    void error(DiagnosticCode code, String variant, long offset, long length, Object... args) {
        diagnostics.add(Diagnostic.raise(code, variant, offset, length, -1, args));
    }

    void info(String variant, long offset, long length, Object... args) {
        error(DiagnosticCode.CONTAINER_INFO, variant, offset, length, args);
    }

    void add(String type, String name, long offset, long length, List<Field> fields) {
        records.add(new ContainerRecord(type, name, new Span(offset, length), fields, null));
    }

    /** Whether the file holds exactly {@code sig} at {@code pos}. */
    boolean startsWith(long pos, String sig) {
        return holds(src, pos, sig);
    }

    /** Whether {@code src} holds exactly the ASCII {@code sig} at {@code pos} (false when it ends before). */
    static boolean holds(ByteSource src, long pos, String sig) {
        byte[] want = sig.getBytes(StandardCharsets.ISO_8859_1);
        return src.has(pos, want.length) && java.util.Arrays.equals(src.bytes(pos, want.length), want);
    }

    // Field constructors reading the value from the file (the caller has checked the bounds).

    Field le32(String name, long pos, Meaning m) {
        return Field.scalar(name, FieldType.LE32, pos, src.le32(pos), m);
    }

    Field sle32(String name, long pos, Meaning m) {
        return Field.scalar(name, FieldType.SLE32, pos, (int) src.le32(pos), m);
    }

    Field le64(String name, long pos, Meaning m) {
        return Field.scalar(name, FieldType.LE64, pos, le64(pos), m);
    }

    Field be32(String name, long pos, Meaning m) {
        return Field.scalar(name, FieldType.BE32, pos, src.be32(pos), m);
    }

    Field ascii(String name, long pos, int len) {
        return Field.ascii(name, pos, new String(src.bytes(pos, len), StandardCharsets.ISO_8859_1));
    }

    long le64(long pos) {
        return src.le32(pos) | src.le32(pos + 4) << 32;
    }

    /** An unsigned word of the saving toolstack ({@code unsigned long}, FORMAT.md D.1). */
    long word(long pos, int w) {
        return w == 8 ? le64(pos) : src.le32(pos);
    }

    Field word(String name, long pos, int w, Meaning m) {
        return w == 8 ? le64(name, pos, m) : le32(name, pos, m);
    }

    /** Records the device-model bytes, clipped to the file (a too-long length has been diagnosed already). */
    void qevm(long offset, long length) {
        qevm = new Span(offset, Math.max(0, Math.min(length, size - offset)));
    }
}
