package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.savevminspector.app.IoReason;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.RepairReport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code repair FILE -o OUT [--strategy relabel|upgrade|to-upstream|to-xenserver] [--trim-trailing] [--force]
 * [--format text|json] [--hash]}.
 * The input is never written to; the repaired copy is verified in memory by {@link Repairer#plan} and written
 * atomically by {@link Repairer#write}, which refuses (exit 1, with the reason) to overwrite the input, an
 * existing file without {@code --force}, or a plan that is not acceptable.
 */
final class RepairCommand implements Callable<Integer>, WritesFiles, ReadsFiles {

    /** Output formats of {@code repair}. */
    enum Format { TEXT, JSON }

    private final Engine engine;
    private CommandSpec spec;
    private AtomicFileWriter writer = AtomicFileWriter.standard();
    private InputFile.Opener opener = InputFile.MAPPED;
    private Path file;
    private Path output;
    private boolean force;
    private Format format;

    RepairCommand(Engine engine) {
        this.engine = engine;
    }

    static CommandSpec spec(RepairCommand c) {
        CommandSpec s = Specs.command(c, "repair",
                "Write a repaired copy of a savevm file (the XenServer 6.0-6.2 piix4acpi record).",
                "Exit 0 when written, or when there is nothing to repair (then nothing is written); 1 when the "
                        + "repair is refused (the reason is printed); 2 for usage or I/O errors and for files that are "
                        + "not QEVM streams (empty, bad magic, unknown file version).");
        s.addPositional(Specs.file("FILE", "The savevm file to repair (read only)."));
        s.addOption(Specs.output("Where to write the repaired copy."));
        s.addOption(Specs.option("--strategy", "STRATEGY", RepairStrategy.class,
                "relabel (default: piix4acpi version 2 -> 1, one byte, same length), upgrade (insert the missing "
                        + "pm1a_evt_blk_address, +4 bytes), to-upstream (convert a XenServer file for upstream "
                        + "qemu-dm) or to-xenserver (convert an upstream file for XenServer 6.5+).")
                .defaultValue("relabel").converters(new StrategyName()).build());
        s.addOption(Specs.flag("--trim-trailing", "Also drop the bytes after the EOF marker."));
        s.addOption(Specs.flag("--force", "Overwrite OUT if it exists (never the input)."));
        s.addOption(Specs.option("--format", "FORMAT", Format.class, "text (default) or json.")
                .defaultValue("text").build());
        s.addOption(Specs.flag("--hash", "Also hash a save image whole (SHA-256) for the report; a bare stream's "
                + "hash is always given."));
        c.spec = s;
        return s;
    }

    @Override
    public void useOpener(InputFile.Opener o) {
        this.opener = o;
    }

    @Override
    public void useWriter(AtomicFileWriter w) {
        this.writer = w;
    }

    @Override
    public Integer call() throws IOException {
        file = Specs.file(spec);
        output = Specs.value(spec, "--output");
        RepairStrategy strategy = Specs.value(spec, "--strategy");
        boolean trimTrailing = Specs.value(spec, "--trim-trailing");
        force = Specs.value(spec, "--force");
        format = Specs.value(spec, "--format");
        boolean hash = Specs.value(spec, "--hash");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = engine.inspector();
        Repairer repairer = new Repairer(inspector, writer);
        RepairPlan plan;
        FileInfo info;
        // an image is copied whole by a repair, so its pfn arrays are read and checked too
        try (InputFile in = InputFile.inspect(inspector, file, LoaderProfiles.upstream(), err, opener, true)) {
            if (in.image().index().isContainer()) {
                return new ImageRepair(file, output, force, this::print, writer).run(in, hash, inspector,
                        new RepairOptions(strategy, trimTrailing), out, err);
            }
            requireStream(in.inspection());
            info = in.describe(in.image().index(), hash, err);
            plan = repairer.plan(in.source(), in.inspection(), new RepairOptions(strategy, trimTrailing));
        }
        // RepairPlan: no edits and no refusal = nothing to repair (acceptable() needs both)
        if (!plan.hasEdits() && plan.refusal() == null) {
            print(plan, info, new RepairReport.Outcome(RepairReport.Status.NOTHING_TO_REPAIR, output.toString(),
                    null), out);
            return ExitCodes.OK;
        }
        try {
            repairer.write(plan, file, output, force);
        } catch (RepairRefusedException e) {
            print(plan, info, new RepairReport.Outcome(RepairReport.Status.REFUSED, output.toString(),
                    e.getMessage()), out);
            err.println(Cli.NAME + ": repair refused: " + e.getMessage());
            err.flush();
            return ExitCodes.FINDINGS;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + output + ": " + IoReason.of(e), e);
        }
        print(plan, info, new RepairReport.Outcome(RepairReport.Status.WRITTEN, output.toString(), null), out);
        return ExitCodes.OK;
    }

    /**
     * An empty file or one that is not a QEVM stream has nothing a repair could work on: that is an input
     * error (exit 2, one line saying what and where), not a refusal of a possible repair.
     */
    private void requireStream(Inspection before) {
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
        throw new CliException(ExitCodes.USAGE_OR_IO, "cannot repair " + file + ": " + why);
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
