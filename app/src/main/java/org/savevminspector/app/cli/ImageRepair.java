package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.image.ImageRepairPlan;
import org.savevminspector.image.ImageRepairer;
import org.savevminspector.image.Relocation;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.model.Hex;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.RepairReport;

/**
 * {@code repair} on a save image: the QEVM stream is repaired as a bare stream, the image is written around it with
 * its length fields updated (FORMAT.md D.7), re-walked, then renamed. The report speaks of the image: its edits and
 * diagnostics at file offsets (each edit's stream offset beside it), its result the image written.
 */
final class ImageRepair {

    /** How {@link RepairCommand} prints a stream plan. */
    @FunctionalInterface
    interface Printer {
        void print(RepairPlan plan, FileInfo info, RepairReport.Outcome outcome, PrintWriter out) throws IOException;
    }

    private final InputFile in;
    private final OutputTarget output;
    private final boolean force;
    private final Printer printer;
    private final AtomicFileWriter writer;

    ImageRepair(InputFile in, OutputTarget output, boolean force, Printer printer, AtomicFileWriter writer) {
        this.in = in;
        this.output = output;
        this.force = force;
        this.printer = printer;
        this.writer = writer;
    }

    /** Repairs the image; the report's header hashes it whole only with {@code wholeFileHash}. */
    int run(Inspector inspector, RepairOptions options, boolean wholeFileHash, PrintWriter out, PrintWriter err)
            throws IOException {
        ImageInspection image = in.image();
        if (image.stream() == null) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot repair " + in.shown() + ": the "
                    + image.index().kind().json() + " image holds no readable QEVM stream");
        }
        FileInfo info = in.describe(image.index(), wholeFileHash, err);
        ImageInspector images = new ImageInspector(ContainerIndexer.standard(), inspector);
        ImageRepairer repairer = new ImageRepairer(images, new Repairer(inspector, writer), writer);
        ImageRepairPlan plan = repairer.plan(in.source(), image, options);
        long start = image.index().qevm().offset();
        RepairPlan shown = new Relocation(start).plan(plan.stream());
        if (!plan.stream().hasEdits() && plan.stream().refusal() == null) {
            printer.print(shown, info, new RepairReport.Outcome(RepairReport.Status.NOTHING_TO_REPAIR,
                    output.shown(), null, -1, null, start), out);
            return ExitCodes.OK;
        }
        String sha256;
        try {
            sha256 = repairer.write(in.source(), plan, in.original(), output, force);
        } catch (RepairRefusedException e) {
            printer.print(shown, info, new RepairReport.Outcome(RepairReport.Status.REFUSED,
                    output.shown(), e.getMessage(), -1, null, start), out);
            Cli.error(err, "repair refused: " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + output.shown() + ": " + IoReason.of(e),
                    e);
        }
        printer.print(shown, info, new RepairReport.Outcome(RepairReport.Status.WRITTEN,
                output.shown(), null, plan.newSize(), sha256, start), out);
        err.println(Cli.NAME + ": " + image.index().kind().json() + " image: QEVM stream at offset "
                + Hex.offset(start) + " repaired (edits above at file offsets, the stream's in parentheses)"
                + describe(plan) + "; the written image was walked again and parses clean");
        err.flush();
        return ExitCodes.OK;
    }

    private static String describe(ImageRepairPlan plan) {
        StringBuilder b = new StringBuilder();
        for (ImageRepairPlan.LengthEdit e : plan.lengthEdits()) {
            b.append("; ").append(e.field().name()).append(" at offset ").append(Hex.offset(e.field().offset())).append(": ")
                    .append(Hex.spaced(e.before())).append(" -> ").append(Hex.spaced(e.after()));
        }
        if (plan.newPadding() >= 0) {
            b.append("; padding ").append(plan.index().padding().length()).append(" -> ").append(plan.newPadding())
                    .append(" byte(s)");
        }
        return b.toString();
    }
}
