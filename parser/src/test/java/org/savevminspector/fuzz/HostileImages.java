package org.savevminspector.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.container.LengthField;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.image.ImageRepairer;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairStrategy;

/**
 * What must hold for any bytes read as a save image or through the input layer (a compression, a VHD): the walk
 * never throws, everything it names lies inside the bytes it read, it never reports a failure of its own, and every
 * repair plan of an image with a device-model record can be made. Shared by {@link ContainerWalkFuzzTest} and {@link InputLayerFuzzTest};
 * each check throws {@link AssertionError} naming the broken rule.
 */
public final class HostileImages {
    static final ImageInspector IMAGES = ImageInspector.standard();
    static final ImageRepairer REPAIRER = ImageRepairer.standard();
    /**
     * A decompression of more than this is refused (as {@code --max-input-size} refuses it in the CLI): a fuzzer's
     * bomb then meets the one-sentence refusal the tool gives, not a full disk.
     */
    static final long MAX_COPY = 2L << 20;
    /**
     * Where each input is written and the input layer spools what it decodes: a memory file system when there is
     * one. Creating and deleting a directory and its files per input on the journalled disk took a third of the
     * input-layer target's time (and more as the disk got busy); the input layer sees a regular file either way.
     */
    static final Path SCRATCH = scratch();
    private static final InputOpener.Options OPTIONS = new InputOpener.Options(MAX_COPY, 1 << 20, SCRATCH,
            InputOpener.ReadProgress.NONE, InputStream.nullInputStream());

    private HostileImages() {
    }

    /** The container walk, the stream's inspection and every image repair plan of {@code data}. */
    public static ImageInspection inspect(byte[] data) {
        return inspect(ByteSource.of(data));
    }

    static ImageInspection inspect(ByteSource src) {
        long size = src.size();
        ImageInspection ii = IMAGES.inspect(src);
        ContainerIndex idx = ii.index();
        require(idx.size() == size, () -> "index size " + idx.size() + " != " + size);
        long previous = 0;
        for (ContainerRecord r : idx.records()) {
            inside(r.span(), size, () -> "record " + r.type() + " " + r.name());
            require(r.span().offset() >= previous, () -> "records out of file order at " + r.span());
            previous = r.span().offset();
        }
        if (idx.qevm() != null) {
            inside(idx.qevm(), size, () -> "the QEVM stream");
        }
        if (idx.padding() != null) {
            inside(idx.padding(), size, () -> "the padding");
        }
        for (LengthField f : idx.lengthFields()) {
            require(f.offset() >= 0 && f.offset() + f.width() <= size, () -> "length field outside the bytes: " + f);
        }
        for (long e : idx.embedded()) {
            require(e >= 0 && e < size, () -> "embedded stream offset outside the bytes: " + e);
        }
        for (Diagnostic d : idx.diagnostics()) {
            diagnostic(d, size);
        }
        for (Diagnostic d : ii.inspection().diagnostics()) {
            diagnostic(d, size);
        }
        if (ii.stream() != null) { // a device-model record to repair: what the viewer and repair ask first
            for (RepairStrategy s : RepairStrategy.values()) {
                require(REPAIRER.plan(src, ii, new RepairOptions(s, false)) != null,
                        () -> "no image repair plan for " + s);
            }
        }
        return ii;
    }

    /**
     * {@code data} as a file named on the command line: opened through the input layer (decompressed, a VHD's
     * virtual disk mapped), then inspected as {@link #inspect(ByteSource)}. A refusal is an {@link IOException}
     * with a reason; any other exception is a finding.
     */
    public static void open(byte[] data) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(SCRATCH, "fuzz-input");
            Path p = Files.write(dir.resolve("input"), data);
            InputOpener opener = new InputOpener(OPTIONS);
            try (Input in = opener.open(InputName.of(p)); ByteSource src = in.open()) {
                require(src.size() == in.size(), () -> "input size " + in.size() + " but its bytes are " + src.size());
                inspect(src);
            } catch (IOException refused) {
                String why = refused.getMessage();
                require(why != null && !why.isBlank(), () -> "a refusal without a reason: " + refused);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the fuzz target's own temporary file: " + e, e);
        } finally {
            deleteTree(dir);
        }
    }

    private static Path scratch() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void diagnostic(Diagnostic d, long size) {
        require(d.code() != DiagnosticCode.INTERNAL_ERROR, () -> "the tool failed: " + d);
        require(d.offset() >= 0 && d.length() >= 0 && d.offset() <= size, () -> "diagnostic outside the bytes ("
                + size + "): " + d);
    }

    private static void inside(Span s, long size, Supplier<String> what) {
        require(s.offset() >= 0 && s.length() >= 0 && s.end() <= size, () -> what + " at " + s + " lies outside the "
                + size + " bytes");
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not a finding
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** The message built only when the rule is broken: a diagnostic's text costs more than the check. */
    private static void require(boolean ok, Supplier<String> what) {
        if (!ok) {
            throw new AssertionError(what.get());
        }
    }
}
