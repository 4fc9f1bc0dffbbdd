package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.image.ImageRepairPlan;
import org.savevminspector.image.ImageRepairer;
import org.savevminspector.image.RepairedImageSource;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ArrayByteSource;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.io.SliceByteSource;
import org.savevminspector.io.vhd.VhdByteSource;
import org.savevminspector.io.vhd.VhdRewriter;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.RepairReport;

/**
 * {@code repair --keep-container} of a save file read out of a VHD: the repair is planned on the save image as
 * usual, and the output is a new VHD of the same kind in which only the changed sectors are written
 * ({@link VhdRewriter}); before the rename the written VHD is read back, every changed sector compared, and the
 * save image inside it walked again, which must hold exactly the repaired stream.
 */
final class DiskRepair {
    private final InputFile disk;
    private final InputFile image;
    private final OutputTarget output;
    private final boolean force;
    private final ImageRepair.Printer printer;
    private final AtomicFileWriter writer;

    /**
     * @param disk  the input as opened: its source is the virtual disk
     * @param image the same, cut to the save image ({@link InputFile#imageOnly})
     */
    DiskRepair(InputFile disk, InputFile image, OutputTarget output, boolean force, ImageRepair.Printer printer,
               AtomicFileWriter writer) {
        this.disk = disk;
        this.image = image;
        this.output = output;
        this.force = force;
        this.printer = printer;
        this.writer = writer;
    }

    /** Repairs the save image in the disk; the report's header hashes the VHD whole only with {@code wholeFileHash}. */
    int run(Inspector inspector, RepairOptions options, boolean wholeFileHash, PrintWriter out, PrintWriter err)
            throws IOException {
        FileInfo info = image.describe(image.image().index(), wholeFileHash, err);
        ImageInspector images = new ImageInspector(ContainerIndexer.standard(), inspector);
        RepairPlan streamPlan;
        ByteSource after;
        List<Span> candidates;
        ImageRepairPlan imagePlan = null;
        if (image.image().index().isContainer()) {
            if (image.image().stream() == null) {
                throw new CliException(ExitCodes.USAGE_OR_IO, "cannot repair " + image.shown() + ": the "
                        + image.image().index().kind().json() + " image holds no readable QEVM stream");
            }
            imagePlan = new ImageRepairer(images, new Repairer(inspector, writer), writer).plan(image.source(),
                    image.image(), options);
            streamPlan = imagePlan.stream();
            RepairedImageSource repaired = new RepairedImageSource(image.source(), imagePlan);
            after = repaired;
            candidates = repaired.changed();
        } else {
            streamPlan = new Repairer(inspector, writer).plan(image.source(), image.inspection(), options);
            after = new ArrayByteSource(streamPlan.result());
            candidates = List.of(new Span(0, streamPlan.result().length));
        }
        if (!streamPlan.hasEdits() && streamPlan.refusal() == null) {
            printer.print(streamPlan, info, new RepairReport.Outcome(RepairReport.Status.NOTHING_TO_REPAIR,
                    output.shown(), null), out);
            return ExitCodes.OK;
        }
        String refusal = imagePlan != null && imagePlan.refusal() != null ? imagePlan.refusal()
                : streamPlan.refusal();
        VhdByteSource view = (VhdByteSource) disk.source();
        try {
            if (refusal != null) {
                throw new RepairRefusedException(refusal);
            }
            Repairer.checkTarget(disk.original(), output, force);
            VhdRewriter rw = new VhdRewriter(view.file(), view.disk(), view, after, image.source().size(),
                    candidates);
            byte[] stream = streamPlan.result();
            boolean container = imagePlan != null;
            writer.write(output, rw::write, tmp -> {
                try (MappedByteSource written = MappedByteSource.open(tmp);
                     VhdByteSource back = rw.verify(written, view.parent() == null ? null
                             : new SliceByteSource(view.parent(), 0, view.parent().size()))) {
                    walkAgain(images, new SliceByteSource(back, 0, after.size()), container, stream);
                }
            });
            printer.print(streamPlan, info, new RepairReport.Outcome(RepairReport.Status.WRITTEN,
                    output.shown(), null), out);
            err.println(Cli.NAME + ": " + view.disk().type().json() + " VHD written with " + rw.changedSectors()
                    + " changed sector(s); read back, the sectors and the save image in it check out");
            err.flush();
            return ExitCodes.OK;
        } catch (RepairRefusedException e) {
            printer.print(streamPlan, info, new RepairReport.Outcome(RepairReport.Status.REFUSED,
                    output.shown(), e.getMessage()), out);
            Cli.error(err, "repair refused: " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + output.shown() + ": " + IoReason.of(e),
                    e);
        }
    }

    /** The save image in the written disk must hold exactly the repaired stream. */
    private static void walkAgain(ImageInspector images, ByteSource written, boolean container, byte[] stream)
            throws IOException {
        if (!container) {
            if (!Arrays.equals(written.bytes(0, stream.length), stream)) {
                throw new IOException("the written VHD does not hold the repaired stream");
            }
            return;
        }
        ImageInspection again = images.inspect(written);
        Span q = again.index().qevm();
        if (q == null || q.length() != stream.length || !Arrays.equals(written.bytes(q.offset(), stream.length),
                stream)) {
            throw new IOException("the save image in the written VHD does not walk back to the repaired stream");
        }
    }
}
