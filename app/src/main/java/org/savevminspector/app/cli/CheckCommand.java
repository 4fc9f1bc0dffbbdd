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
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.LoaderVerdict;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code check FILE... [--fail-on warn|error] [--loader PROFILE] [--all-loaders]}: one verdict line per file,
 * for scripts and CI. Every file is checked even after a failure; the exit code is the worst one (2 over 1 over
 * 0). A file this tool fails on (an internal error, i.e. a bug of ours) gets an {@code ERROR} line of its own and
 * exit code 2, and the next file is checked as usual: one file must never cost the verdicts of the others.
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

    @Option(names = "--loader", paramLabel = "PROFILE", converter = LoaderProfileName.class,
            description = "Judge each file by this loader instead of the diagnostics: exit 1 when it would fail, "
                    + "mis-read or silently skip state (upstream, xen-4.0, xenserver-6.0-6.2 or xenserver-6.5+).")
    private LoaderProfile loader;

    @Option(names = "--all-loaders", description = "Also print a matrix: file × loader profile → OK, mis-read "
            + "or rejected (does not change the exit code).")
    private boolean allLoaders;

    private final LoaderMatrix matrix = new LoaderMatrix();

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
            } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
                // a bug of ours on this file, or a heap too small for it: say so on its line and go on with the
                // next file (what the failed one held is free again)
                out.println(p + ": ERROR " + IoReason.of(e));
                code = ExitCodes.USAGE_OR_IO;
            }
            out.flush();
            exit = Math.max(exit, code);
        }
        if (allLoaders && !matrix.isEmpty()) {
            matrix.print(out);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private int checkOne(Inspector inspector, Path p, PrintWriter out) {
        LoaderProfile profile = loader == null ? LoaderProfiles.upstream() : loader;
        try (InputFile in = InputFile.inspect(inspector, p, profile, spec.commandLine().getErr())) {
            Optional<Diagnostic> internal = in.inspection().diagnostics().stream()
                    .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
            if (internal.isPresent()) {
                // the verdict would rest on an analysis that stopped early: not a finding about the file
                out.println(p + ": ERROR " + internal.get().message());
                return ExitCodes.USAGE_OR_IO;
            }
            if (allLoaders) {
                matrix.add(in.info().path(), inspector, in.streamSource(), in.streamInspection().parse());
            }
            if (loader != null) {
                // the question is "would this loader restore it?": its verdict decides, not the diagnostics
                LoaderReport r = in.inspection().loader();
                out.println(loaderLine(in.info().path(), r));
                return r.verdict() == LoaderVerdict.OK ? ExitCodes.OK : ExitCodes.FINDINGS;
            }
            out.println(TextReport.checkLine(in.inspection(), in.info(), failOn));
            Severity worst = in.inspection().highestSeverity();
            return worst != null && worst.atLeast(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    /** {@code FILE: ok|FAIL (loader P: verdict, outcome, result R) why}. */
    static String loaderLine(String path, LoaderReport r) {
        boolean ok = r.verdict() == LoaderVerdict.OK;
        StringBuilder sb = new StringBuilder(path).append(": ").append(ok ? "ok" : "FAIL").append(" (loader ")
                .append(r.profile()).append(": ").append(r.verdict().word()).append(", ").append(r.outcome().json());
        if (r.result() != null) {
            sb.append(", result ").append(r.result());
        }
        sb.append(')');
        if (!ok) {
            if (!r.misreads().isEmpty()) {
                sb.append(' ').append(r.misreads().get(0).message());
            } else if (!r.notRestored().isEmpty()) {
                sb.append(" not restored: #").append(r.notRestored().get(0).section()).append(' ')
                        .append(r.notRestored().get(0).idstr()).append(" (").append(r.notRestored().size())
                        .append(" in all)");
            } else {
                sb.append(' ').append(r.message());
            }
        }
        return sb.toString();
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
