package org.savevminspector.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
 * checked even after a failure; the exit code is the worst one (2 over 1 over 0).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Check savevm files: one line per file.",
            "Exit 0 when no file has diagnostics at or above the threshold, 1 when one has (malformed, empty and "
                + "non-QEVM files included), 2 for usage errors or a file that cannot be read."})
final class CheckCommand implements Callable<Integer> {

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
        Inspector inspector = Inspector.standard();
        int exit = ExitCodes.OK;
        for (Path p : files) {
            int code;
            try {
                code = checkOne(inspector, p, out);
            } catch (CliException e) {
                err.println(Cli.NAME + ": " + e.getMessage());
                code = e.exitCode();
            }
            exit = Math.max(exit, code);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private int checkOne(Inspector inspector, Path p, PrintWriter out) {
        try (InputFile in = InputFile.inspect(inspector, p, spec.commandLine().getErr())) {
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
