package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.InputLayer;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.LoaderVerdict;
import org.savevminspector.report.LayerReport;
import org.savevminspector.report.PrintableText;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code check FILE|DIR... [--recursive] [--jobs N] [--format text|json|jsonl] [--fail-on warn|error]
 * [--loader PROFILE] [--all-loaders] [--pfn-arrays]}: one verdict per file, for scripts, CI and fleets. Nothing
 * is hashed, and a save image is read as far as its record headers and QEVM stream. Files are checked in
 * parallel ({@link OrderedRun}) and reported in the order given (a directory's files in name order), as soon as
 * each is done. Every file is checked even after a failure; the exit code is the worst one (2 over 1 over 0). A
 * file this tool fails on (an internal error, i.e. a bug of ours) gets an {@code ERROR} line of its own and exit
 * code 2, and the next file is checked as usual: one file must never cost the verdicts of the others.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Check savevm files and save images: one line per file.",
            "Exit 0 when no file has diagnostics at or above the threshold, 1 when one has (malformed, empty and "
                + "non-QEVM files included), 2 for usage errors, a file that cannot be read, or a file the tool "
                + "fails on (internal error)."})
final class CheckCommand implements Callable<Integer>, UsesEngine {

    /** Output formats of {@code check}. */
    enum Format { TEXT, JSON, JSONL }

    /** The inspector to use; {@code null} for the engine's (tests pass one that fails on purpose). */
    private final Inspector inspector;
    private Engine engine = new Engine();

    CheckCommand() {
        this(null);
    }

    CheckCommand(Inspector inspector) {
        this.inspector = inspector;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to check (with --recursive also "
            + "directories); - reads standard input.")
    private List<String> files;

    @Mixin
    private FileArguments fileArguments;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = Threshold.class,
            description = "Lowest severity that fails the check: warn or error (default).")
    private Severity failOn;

    @Option(names = "--loader", paramLabel = "PROFILE", converter = LoaderProfileName.class,
            description = "Judge each file by this loader instead of the diagnostics: exit 1 when it would fail, "
                    + "mis-read or silently skip state (upstream, xen-4.0, xenserver-6.0-6.2 or xenserver-6.5+).")
    private LoaderProfile loader;

    @Option(names = "--all-loaders", description = "Also print a matrix: file × loader profile → OK, mis-read "
            + "or rejected (does not change the exit code; not with --recursive).")
    private boolean allLoaders;

    @Option(names = {"-r", "--recursive"}, description = "Check every regular file under the directories given "
            + "(names sorted, links to directories not followed); files without a save-file signature are "
            + "reported as skipped. Ends with a summary.")
    private boolean recursive;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Check N files at a time (default: the "
            + "number of processors).")
    private Integer jobs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatName.class,
            description = "text (default), json (one document) or jsonl (one object per line).")
    private Format format;

    @Option(names = "--pfn-arrays", description = InspectCommand.PFN_ARRAYS)
    private boolean pfnArrays;

    private final LoaderMatrix matrix = new LoaderMatrix();

    @Override
    public void useEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (allLoaders && recursive) {
            throw new ParameterException(spec.commandLine(), "--all-loaders keeps a row per file in memory and "
                    + "cannot be used with --recursive");
        }
        if (jobs != null && jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
        }
        Inspector inspector = this.inspector != null ? this.inspector : engine.inspector();
        CheckOutput output = new CheckOutput(format, recursive || format != Format.TEXT, out, err);
        Interrupts.onInterrupt(output::interrupted);
        try {
            OrderedRun.run(new CheckTargets(files, recursive), jobs != null ? jobs
                    : Runtime.getRuntime().availableProcessors(), t -> checkTarget(inspector, t, err), r -> {
                        output.file(r);
                        if (r.loaderRow() != null) {
                            matrix.add(r.path(), r.loaderRow());
                        }
                    });
            output.summary();
        } finally {
            Interrupts.onInterrupt(null);
        }
        if (allLoaders && !matrix.isEmpty()) {
            matrix.print(out);
        }
        out.flush();
        err.flush();
        return output.exitCode();
    }

    /** One file, on a worker thread: never throws. */
    private CheckResult checkTarget(Inspector inspector, CheckTargets.Target t, PrintWriter err) {
        String shown = fileArguments.shown(t.argument());
        if (t.problem() != null) {
            return CheckResult.unreadable(shown, "cannot read " + shown + ": " + t.problem());
        }
        try {
            if (!t.named()) {
                String skip = SaveFileSniff.skipReason(Path.of(t.argument()));
                if (skip != null) {
                    return CheckResult.skipped(shown, skip);
                }
            }
            return checkOne(inspector, t.argument(), err);
        } catch (CliException e) {
            return CheckResult.unreadable(shown, e.getMessage());
        } catch (IOException e) {
            return CheckResult.unreadable(shown, "cannot read " + shown + ": " + IoReason.of(e));
        } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
            // a bug of ours on this file, or a heap too small for it: say so on its line and go on with the next
            // file (what the failed one held is free again)
            return CheckResult.failedOn(shown, PrintableText.escape(shown + ": ERROR " + IoReason.of(e)));
        }
    }

    private CheckResult checkOne(Inspector inspector, String p, PrintWriter err) {
        LoaderProfile profile = loader == null ? LoaderProfiles.upstream() : loader;
        try (InputFile in = InputFile.inspect(inspector, fileArguments.open(p, err), profile, err, pfnArrays)) {
            List<Diagnostic> all = new ArrayList<>(LayerReport.diagnostics(in.layers()));
            all.addAll(in.inspection().diagnostics());
            String path = in.shown();
            String container = in.image().index().kind() == null ? null : in.image().index().kind().json();
            List<String> layers = in.layers().stream().map(InputLayer::kind).toList();
            Optional<Diagnostic> internal = all.stream()
                    .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
            if (internal.isPresent()) {
                // the verdict would rest on an analysis that stopped early: not a finding about the file
                return CheckResult.failedOn(path, PrintableText.escape(path + ": ERROR " + internal.get().message()));
            }
            List<LoaderReport> row = allLoaders
                    ? LoaderMatrix.row(inspector, in.streamSource(), in.streamInspection().parse()) : null;
            LoaderReport r = in.inspection().loader();
            int errors = count(all, Severity.ERROR);
            int warnings = count(all, Severity.WARN);
            Diagnostic first = all.stream().filter(d -> d.severity().atLeast(failOn)).findFirst().orElse(null);
            boolean ok;
            String line;
            if (loader != null) {
                // the question is "would this loader restore it?": its verdict decides, not the diagnostics
                ok = r.verdict() == LoaderVerdict.OK;
                line = loaderLine(path, r);
            } else {
                ok = first == null;
                line = TextReport.checkLine(in.inspection(), path, failOn, in.layers());
            }
            return new CheckResult(path, ok ? CheckResult.Status.OK : CheckResult.Status.FAIL, line,
                    in.inspection().parse().format().json(), container, layers, errors, warnings, first, r,
                    ok ? ExitCodes.OK : ExitCodes.FINDINGS, row, false);
        }
    }

    private static int count(List<Diagnostic> all, Severity s) {
        return (int) all.stream().filter(d -> d.severity() == s).count();
    }

    /** {@code FILE: ok|FAIL (loader P: verdict, outcome, result R) why}. */
    static String loaderLine(String path, LoaderReport r) {
        boolean ok = r.verdict() == LoaderVerdict.OK;
        StringBuilder sb = new StringBuilder(PrintableText.escape(path)).append(": ").append(ok ? "ok" : "FAIL")
                .append(" (loader ")
                .append(r.profile()).append(": ").append(r.verdict().word()).append(", ").append(r.outcome().json());
        if (r.result() != null) {
            sb.append(", result ").append(r.result());
        }
        sb.append(')');
        if (!ok) {
            if (!r.misreads().isEmpty()) {
                sb.append(' ').append(PrintableText.escape(r.misreads().get(0).message()));
            } else if (!r.notRestored().isEmpty()) {
                sb.append(" not restored: #").append(r.notRestored().get(0).section()).append(' ')
                        .append(PrintableText.escape(r.notRestored().get(0).idstr())).append(" (")
                        .append(r.notRestored().size())
                        .append(" in all)");
            } else {
                sb.append(' ').append(PrintableText.escape(r.message()));
            }
        }
        return sb.toString();
    }

    /** {@code text}, {@code json} or {@code jsonl}, in any case. */
    static final class FormatName implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected text, json or jsonl, not '" + value + "'");
            }
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
