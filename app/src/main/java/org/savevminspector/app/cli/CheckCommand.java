package org.savevminspector.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.savevminspector.app.IoReason;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code check FILE... [--fail-on warn|error]}: one verdict line per file, for scripts and CI. Every file is
 * checked even after a failure; the exit code is the worst one (2 over 1 over 0). A file this tool fails on (an
 * internal error, i.e. a bug of ours) gets an {@code ERROR} line of its own and exit code 2, and the next file
 * is checked as usual: one file must never cost the verdicts of the others.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Check savevm files: one line per file.",
            "Exit 0 when no file has diagnostics at or above the threshold, 1 when one has (malformed, empty and "
                + "non-QEVM files included), 2 for usage errors, a file that cannot be read, or a file the tool "
                + "fails on (internal error)."})
final class CheckCommand implements Callable<Integer> {

    /** The inspector to use; {@code null} for the standard one (tests pass one that fails on purpose). */
    private final Inspector inspector;

    CheckCommand() {
        this(null);
    }

    CheckCommand(Inspector inspector) {
        this.inspector = inspector;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to check.")
    private List<Path> files;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = Threshold.class,
            description = "Lowest severity that fails the check: warn or error (default).")
    private Severity failOn;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = this.inspector != null ? this.inspector : Inspector.standard();
        int exit = ExitCodes.OK;
        for (Path p : files) {
            int code;
            try {
                code = checkOne(inspector, p, out);
            } catch (CliException e) {
                err.println(Cli.NAME + ": " + e.getMessage());
                code = e.exitCode();
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                // a bug of ours on this file: say so on its line and go on with the next file
                out.println(p + ": ERROR " + IoReason.of(e));
                code = ExitCodes.USAGE_OR_IO;
            }
            out.flush();
            exit = Math.max(exit, code);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private int checkOne(Inspector inspector, Path p, PrintWriter out) {
        try (InputFile in = InputFile.inspect(inspector, p)) {
            Optional<Diagnostic> internal = in.inspection().diagnostics().stream()
                    .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
            if (internal.isPresent()) {
                // the verdict would rest on an analysis that stopped early: not a finding about the file
                out.println(p + ": ERROR " + internal.get().message());
                return ExitCodes.USAGE_OR_IO;
            }
            out.println(TextReport.checkLine(in.inspection(), in.info(), failOn));
            Severity worst = in.inspection().highestSeverity();
            return worst != null && worst.atLeast(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    /** Only the two thresholds the contract names; anything else is a usage error (exit 2). */
    static final class Threshold implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            if (value.equalsIgnoreCase("warn")) {
                return Severity.WARN;
            }
            if (value.equalsIgnoreCase("error")) {
                return Severity.ERROR;
            }
            throw new TypeConversionException("expected warn or error, not '" + value + "'");
        }
    }
}
