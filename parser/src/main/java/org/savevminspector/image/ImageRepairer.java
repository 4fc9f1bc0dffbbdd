package org.savevminspector.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.LengthField;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.Repairer;

/**
 * Repairs the QEVM stream inside a save image: the stream is repaired as a bare file by {@link Repairer}, then
 * the image is written around it with every enclosing length field (FORMAT.md D.7) and the v2 record padding updated.
 * The written copy is walked again before it replaces anything; the input is only ever read.
 */
public final class ImageRepairer {
    private static final int COPY = 1 << 20;

    private final ImageInspector images;
    private final Repairer repairer;
    private final AtomicFileWriter writer;

    public ImageRepairer(ImageInspector images, Repairer repairer) {
        this(images, repairer, AtomicFileWriter.standard());
    }

    public ImageRepairer(ImageInspector images, Repairer repairer, AtomicFileWriter writer) {
        this.images = images;
        this.repairer = repairer;
        this.writer = writer;
    }

    public static ImageRepairer standard() {
        ImageInspector images = ImageInspector.standard();
        return new ImageRepairer(images, new Repairer(images.inspector()));
    }

    public ImageRepairPlan plan(ByteSource src, ImageInspection image, RepairOptions options) {
        ContainerIndex index = image.index();
        Span q = index.qevm();
        if (q == null || image.stream() == null) {
            throw new IllegalArgumentException("no device-model record to repair");
        }
        RepairPlan stream = repairer.plan(new SliceByteSource(src, q.offset(), q.length()), image.stream(), options);
        String refusal = null;
        List<ImageRepairPlan.LengthEdit> edits = new ArrayList<>();
        long newLength = stream.result().length;
        // every length field holds at least 2^32 - 9 (LengthField): a repaired stream, a byte array, always fits
        for (LengthField f : index.lengthFields()) {
            edits.add(new ImageRepairPlan.LengthEdit(f, src.bytes(f.offset(), f.width()), f.encode(newLength)));
        }
        if (hasErrors(index)) {
            refusal = "the save image itself has errors (" + firstError(index) + "); repair only a cleanly walked image";
        }
        int padding = index.paddingFor(newLength);
        return new ImageRepairPlan(stream, index, edits, padding, refusal);
    }

    private static boolean hasErrors(ContainerIndex index) {
        return firstError(index) != null;
    }

    private static String firstError(ContainerIndex index) {
        for (Diagnostic d : index.diagnostics()) {
            if (d.severity().atLeast(Severity.ERROR)) {
                return d.code() + " at offset " + d.offset();
            }
        }
        return null;
    }

    /**
     * Writes the repaired image to {@code out} atomically and verifies the written copy before the rename.
     *
     * @return the SHA-256 of the image written (lower-case hex)
     * @throws RepairRefusedException with the reason when it refuses (the output is then absent or untouched)
     * @throws IOException            when writing fails (the temporary file is removed)
     */
    public String write(ByteSource src, ImageRepairPlan plan, Path input, Path out, boolean force)
            throws IOException, RepairRefusedException {
        return write(src, plan, input, OutputTarget.of(out), force);
    }

    /**
     * As {@link #write(ByteSource, ImageRepairPlan, Path, Path, boolean)} to a resolved target; a stream (standard
     * output, a FIFO, a character device) gets the image only after a private copy of it was verified.
     * {@code input} may be {@code null} (standard input, a pipe).
     */
    public String write(ByteSource src, ImageRepairPlan plan, Path input, OutputTarget out, boolean force)
            throws IOException, RepairRefusedException {
        if (!plan.stream().hasEdits()) {
            throw new RepairRefusedException(plan.stream().refusal() != null ? plan.stream().refusal() : "nothing to repair");
        }
        if (plan.refusal() != null || plan.stream().refusal() != null) {
            throw new RepairRefusedException(plan.refusal() != null ? plan.refusal() : plan.stream().refusal());
        }
        OutputTarget target = Repairer.checkTarget(input, out, force);
        String[] sha256 = new String[1];
        try {
            writer.write(target, o -> {
                // hashed as it is written: the report names the image written, which may be a pipe's
                MessageDigest md = sha256();
                DigestOutputStream d = new DigestOutputStream(o, md);
                writeImage(src, plan, d);
                d.flush();
                sha256[0] = HexFormat.of().formatHex(md.digest());
            }, tmp -> {
                try {
                    verifyWritten(tmp, plan);
                } catch (RepairRefusedException e) {
                    throw new Refused(e);
                }
            });
        } catch (Refused e) {
            throw (RepairRefusedException) e.getCause();
        }
        return sha256[0];
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A refusal of the written copy, through the writer's I/O-only check hook. */
    private static final class Refused extends IOException {
        Refused(RepairRefusedException e) {
            super(e.getMessage(), e);
        }
    }


    /** Prefix with patched length fields, repaired QEVM, new padding, the rest of the image. */
    static void writeImage(ByteSource src, ImageRepairPlan plan, OutputStream o) throws IOException {
        for (ImageRepairPlan.Segment seg : plan.segments()) {
            if (seg.from() < 0) {
                o.write(seg.bytes());
            } else {
                copy(src, seg.from(), seg.length(), o);
            }
        }
    }

    private static void copy(ByteSource src, long from, long len, OutputStream o) throws IOException {
        byte[] buf = new byte[(int) Math.min(COPY, Math.max(len, 1))];
        long done = 0;
        while (done < len) {
            int n = src.read(from + done, buf, 0, (int) Math.min(buf.length, len - done));
            if (n <= 0) {
                throw new IOException("the input ended at offset " + (from + done) + " while copying");
            }
            o.write(buf, 0, n);
            done += n;
        }
    }

    /** The written image must walk as the same kind, hold exactly the repaired stream, and bring no new problem. */
    private void verifyWritten(Path tmp, ImageRepairPlan plan) throws IOException, RepairRefusedException {
        try (MappedByteSource written = MappedByteSource.open(tmp)) {
            if (written.size() != plan.newSize()) {
                throw new RepairRefusedException("the written image has " + written.size() + " bytes, "
                        + plan.newSize() + " expected");
            }
            ImageInspection again = images.inspect(written);
            ContainerIndex idx = again.index();
            byte[] want = plan.stream().result();
            if (idx.kind() != plan.index().kind() || idx.qevm() == null || idx.qevm().length() != want.length
                    || !Arrays.equals(written.bytes(idx.qevm().offset(), want.length), want)) {
                throw new RepairRefusedException("the written image does not walk back to the repaired stream ("
                        + idx.kind() + ", device-model record " + idx.qevm() + ")");
            }
            Set<String> before = new HashSet<>();
            for (Diagnostic d : plan.index().diagnostics()) {
                before.add(d.code().name());
            }
            for (Diagnostic d : idx.diagnostics()) {
                if (d.severity().atLeast(Severity.WARN) && !before.contains(d.code().name())) {
                    throw new RepairRefusedException("the written image has a new problem: " + d.message());
                }
            }
            for (Diagnostic d : again.stream().diagnostics()) {
                if (plan.stream().after().diagnostics().stream().noneMatch(x -> x.code() == d.code()
                        && x.offset() == d.offset())) {
                    throw new RepairRefusedException("the written image's QEVM stream differs from the verified "
                            + "repair: " + d.message());
                }
            }
        }
    }
}
