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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code check FILE... [--fail-on warn|error] [--loader PROFILE] [--all-loaders]}: one verdict line per file,
 * for scripts and CI. Every file is checked even after a failure; the exit code is the worst one (2 over 1 over
 * 0). A file this tool fails on (an internal error, i.e. a bug of ours) gets an {@code ERROR} line of its own and
 * exit code 2, and the next file is checked as usual: one file must never cost the verdicts of the others.
 */
final class CheckCommand implements Callable<Integer>, ReadsFiles {

    /** The inspector to use; {@code null} for the engine's (tests pass one that fails on purpose). */
    private final Inspector inspector;
    private final Engine engine;

    CheckCommand(Engine engine) {
        this.inspector = null;
        this.engine = engine;
    }

    CheckCommand(Inspector inspector) {
        this.inspector = inspector;
        this.engine = null;
    }

    private CommandSpec spec;
    private InputFile.Opener opener = InputFile.MAPPED;
    private Severity failOn;
    private LoaderProfile loader;
    private boolean allLoaders;
    private boolean pfnArrays;

    static CommandSpec spec(CheckCommand c) {
        CommandSpec s = Specs.command(c, "check", "Check savevm files: one line per file.",
                "Exit 0 when no file has diagnostics at or above the threshold, 1 when one has (malformed, empty and "
                        + "non-QEVM files included), 2 for usage errors, a file that cannot be read, or a file the "
                        + "tool fails on (internal error).");
        s.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").required(true).paramLabel("FILE")
                .type(List.class).auxiliaryTypes(Path.class).converters(Specs.PATH)
                .description("The files to check.").build());
        s.addOption(Specs.option("--fail-on", "LEVEL", Severity.class,
                "Lowest severity that fails the check: warn or error (default).")
                .defaultValue("error").converters(new Threshold()).build());
        s.addOption(Specs.option("--loader", "PROFILE", LoaderProfile.class,
                "Judge each file by this loader instead of the diagnostics: exit 1 when it would fail, mis-read or "
                        + "silently skip state (upstream, xen-4.0, xenserver-6.0-6.2 or xenserver-6.5+).")
                .converters(new LoaderProfileName()).build());
        s.addOption(Specs.flag("--all-loaders", "Also print a matrix: file × loader profile → OK, mis-read or "
                + "rejected (does not change the exit code)."));
        s.addOption(Specs.flag("--pfn-arrays", InspectCommand.PFN_ARRAYS));
        c.spec = s;
        return s;
    }

    @Override
    public void useOpener(InputFile.Opener o) {
        this.opener = o;
    }

    private final LoaderMatrix matrix = new LoaderMatrix();

    @Override
    public Integer call() {
        List<Path> files = Specs.file(spec);
        failOn = Specs.value(spec, "--fail-on");
        loader = Specs.value(spec, "--loader");
        allLoaders = Specs.value(spec, "--all-loaders");
        pfnArrays = Specs.value(spec, "--pfn-arrays");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = this.inspector != null ? this.inspector : engine.inspector();
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
        if (allLoaders && !matrix.isEmpty()) {
            matrix.print(out);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private int checkOne(Inspector inspector, Path p, PrintWriter out) {
        LoaderProfile profile = loader == null ? LoaderProfiles.upstream() : loader;
        try (InputFile in = InputFile.inspect(inspector, p, profile, spec.commandLine().getErr(), opener, pfnArrays)) {
            Optional<Diagnostic> internal = in.inspection().diagnostics().stream()
                    .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
            if (internal.isPresent()) {
                // the verdict would rest on an analysis that stopped early: not a finding about the file
                out.println(p + ": ERROR " + internal.get().message());
                return ExitCodes.USAGE_OR_IO;
            }
            if (allLoaders) {
                matrix.add(p.toString(), inspector, in.streamSource(), in.streamInspection().parse());
            }
            if (loader != null) {
                // the question is "would this loader restore it?": its verdict decides, not the diagnostics
                LoaderReport r = in.inspection().loader();
                out.println(loaderLine(p.toString(), r));
                return r.verdict() == LoaderVerdict.OK ? ExitCodes.OK : ExitCodes.FINDINGS;
            }
            out.println(TextReport.checkLine(in.inspection(), p.toString(), failOn));
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
