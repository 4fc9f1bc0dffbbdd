package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.io.vhd.VhdLayer;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.RepairReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code repair FILE -o OUT [--strategy relabel|upgrade|to-upstream|to-xenserver] [--trim-trailing] [--force]
 * [--format text|json] [--hash] [--max-input-size SIZE]}; {@code -} as FILE reads standard input, as OUT writes
 * standard output. The report hashes the repaired bytes and the input's QEVM stream; a save image whole only with
 * {@code --hash}.
 * The input is never written to; the repaired copy is verified in memory by {@link Repairer#plan} and written
 * atomically by {@link Repairer#write}, which refuses (exit 1, with the reason) to overwrite the input, an
 * existing file without {@code --force}, or a plan that is not acceptable.
 */
@Command(name = "repair", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Write a repaired copy of a savevm file (the XenServer 6.0-6.2 piix4acpi record).",
            "Exit 0 when written, or when there is nothing to repair (then nothing is written); 1 when the "
                + "repair is refused (the reason is printed); 2 for usage or I/O errors and for files that are "
                + "not QEVM streams (empty, bad magic, unknown file version)."})
final class RepairCommand implements Callable<Integer>, WritesFiles, UsesEngine {

    /** Output formats of {@code repair}. */
    enum Format { TEXT, JSON }

    @Spec
    private CommandSpec spec;

    private AtomicFileWriter writer = AtomicFileWriter.standard();

    @Parameters(index = "0", paramLabel = "FILE", description = "The savevm file to repair (read only); - reads "
            + "standard input.")
    private String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "Where to write the repaired copy: a new or (with --force) existing file, written "
                    + "atomically; - for standard output (the report then goes to standard error), or a FIFO or "
                    + "character device, written to directly.")
    private String output;

    @Mixin
    private FileArguments files;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "relabel", converter = StrategyName.class,
            description = "relabel (default: piix4acpi version 2 -> 1, one byte, same length), upgrade "
                    + "(insert the missing pm1a_evt_blk_address, +4 bytes), to-upstream (convert a XenServer "
                    + "file for upstream qemu-dm) or to-xenserver (convert an upstream file for XenServer 6.5+).")
    private RepairStrategy strategy;

    @Option(names = "--trim-trailing", description = "Also drop the bytes after the EOF marker.")
    private boolean trimTrailing;

    @Option(names = "--force", description = "Overwrite OUT if it exists (never the input).")
    private boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    private Format format;

    @Option(names = "--keep-container", description = "For a save file read out of a VHD: write a new VHD of the "
            + "same kind with the changed sectors (default: the repaired save image as a raw file).")
    private boolean keepContainer;

    @Option(names = "--hash", description = "Also hash a save image whole (SHA-256; for a compressed file or a VHD, "
            + "the file as stored) for the report; a bare stream's hash is always given.")
    private boolean hash;

    private Engine engine = new Engine();

    @Override
    public void useWriter(AtomicFileWriter w) {
        this.writer = w;
    }

    @Override
    public void useEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputTarget target = files.output(output);
        // the repaired bytes take standard output: the report moves to standard error
        PrintWriter out = target.kind() == OutputTarget.Kind.STANDARD_OUTPUT ? err : spec.commandLine().getOut();
        Inspector inspector = engine.inspector();
        AtomicFileWriter writer = FileArguments.writerFor(this.writer, target);
        Repairer repairer = new Repairer(inspector, writer);
        RepairPlan plan;
        FileInfo info;
        Path original;
        // an image is copied whole by a repair, so its pfn arrays are read and checked too
        try (InputFile whole = InputFile.inspect(inspector, files.open(file, err), LoaderProfiles.upstream(), err,
                true)) {
            boolean disk = whole.input().layer(VhdLayer.class) != null;
            if (keepContainer && !disk) {
                throw new CliException(ExitCodes.USAGE_OR_IO, "--keep-container applies to a save file read out of "
                        + "a VHD; " + whole.shown() + " is not one");
            }
            // out of a virtual disk, the save image ends where its last record does, not where the disk does
            InputFile in = disk ? whole.imageOnly(inspector, LoaderProfiles.upstream()) : whole;
            if (keepContainer) {
                return new DiskRepair(whole, in, target, force, this::print, writer).run(inspector,
                        new RepairOptions(strategy, trimTrailing), hash, out, err);
            }
            if (in.image().index().isContainer()) {
                return new ImageRepair(in, target, force, this::print, writer).run(inspector,
                        new RepairOptions(strategy, trimTrailing), hash, out, err);
            }
            requireStream(in);
            info = in.describe(in.image().index(), hash, err);
            original = in.original();
            plan = repairer.plan(in.source(), in.inspection(), new RepairOptions(strategy, trimTrailing));
        }
        // RepairPlan: no edits and no refusal = nothing to repair (acceptable() needs both)
        if (!plan.hasEdits() && plan.refusal() == null) {
            print(plan, info, new RepairReport.Outcome(RepairReport.Status.NOTHING_TO_REPAIR, target.shown(),
                    null), out);
            return ExitCodes.OK;
        }
        try {
            repairer.write(plan, original, target, force);
        } catch (RepairRefusedException e) {
            print(plan, info, new RepairReport.Outcome(RepairReport.Status.REFUSED, target.shown(),
                    e.getMessage()), out);
            Cli.error(err, "repair refused: " + e.getMessage());
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + target.shown() + ": " + IoReason.of(e),
                    e);
        }
        print(plan, info, new RepairReport.Outcome(RepairReport.Status.WRITTEN, target.shown(), null), out);
        return ExitCodes.OK;
    }

    /**
     * An empty file or one that is not a QEVM stream has nothing a repair could work on: that is an input
     * error (exit 2, one line saying what and where), not a refusal of a possible repair.
     */
    private void requireStream(InputFile in) {
        Inspection before = in.inspection();
        if (before.parse().header() != null && before.parse().format() != StreamFormat.UNKNOWN) {
            return;
        }
        String why = "not a QEVM stream";
        for (Diagnostic d : before.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                why += " (" + d.code() + " at offset " + d.offset() + ": " + d.message() + ")";
                break;
            }
        }
        throw new CliException(ExitCodes.USAGE_OR_IO, "cannot repair " + in.shown() + ": " + why);
    }

    void print(RepairPlan plan, FileInfo info, RepairReport.Outcome outcome, PrintWriter out)
            throws IOException {
        RepairReport report = new RepairReport(AppVersion.toolInfo());
        if (format == Format.JSON) {
            report.writeJson(plan, info, outcome, out);
        } else {
            report.writeText(plan, info, outcome, out);
        }
        out.flush();
    }

    /** {@code relabel} or {@code upgrade} ({@link RepairStrategy#cliName()}). */
    static final class StrategyName implements ITypeConverter<RepairStrategy> {
        @Override
        public RepairStrategy convert(String value) {
            try {
                return RepairStrategy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
