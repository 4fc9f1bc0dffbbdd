package org.savevminspector.fuzz;

import java.util.List;
import java.util.function.Supplier;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderSimulator;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.JsonReport;
import org.savevminspector.report.SarifReport;
import org.savevminspector.report.TextReport;
import org.savevminspector.report.ToolInfo;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SavevmParser;

/**
 * What must hold for any bytes at all, shared by the Jazzer fuzz tests and the jqwik mutation properties: no
 * exception escapes, the tool never reports a failure of its own ({@code INTERNAL_ERROR}), and everything it says
 * points into the file. Each check throws {@link AssertionError} naming the broken rule.
 */
public final class HostileInput {
    static final Inspector INSPECTOR = Inspector.standard();
    static final SavevmParser PARSER = SavevmParser.standard();
    static final LoaderSimulator SIMULATOR = new LoaderSimulator(org.savevminspector.devices.DeviceCatalog.standard());
    static final Repairer REPAIRER = new Repairer(INSPECTOR);
    private static final ToolInfo TOOL = new ToolInfo("savevm-inspector", "test");

    private HostileInput() {
    }

    /** The shape walk alone: structure inside the file, sections in order and apart, diagnostics in the file. */
    public static ParseResult walk(byte[] data) {
        ParseResult r = PARSER.parse(ByteSource.of(data));
        parseInvariants(r, data.length);
        return r;
    }

    /** Shape walk plus the loader simulation: the loader's diagnostics too point into the file. */
    public static Inspection inspect(byte[] data) {
        Inspection i = INSPECTOR.inspect(ByteSource.of(data));
        parseInvariants(i.parse(), data.length);
        for (Diagnostic d : i.diagnostics()) {
            require(d.code() != DiagnosticCode.INTERNAL_ERROR, () -> "the tool failed: " + d);
            require(d.offset() >= 0 && d.offset() <= data.length, () -> "diagnostic offset outside the file: " + d);
            require(d.length() >= 0, () -> "negative length: " + d);
        }
        require(i.loader() != null, "no loader report");
        return i;
    }

    /** Everything a command does with a file: inspection, the three reports, every repair plan. */
    public static void everything(byte[] data) {
        Inspection i = inspect(data);
        ByteSource src = ByteSource.of(data);
        FileInfo info = FileInfo.of("fuzz.qevm", data);
        TextReport.inspect(i, info);
        new JsonReport(TOOL).toJson(i, info, src);
        new SarifReport(TOOL).toJson(i, info);
        for (RepairStrategy s : RepairStrategy.values()) {
            for (boolean trim : new boolean[] {false, true}) {
                repair(data, i, new RepairOptions(s, trim));
            }
        }
    }

    /** One repair plan: never an exception; a plan with edits has a result that differs from the input. */
    public static RepairPlan repair(byte[] data, Inspection before, RepairOptions options) {
        RepairPlan p = REPAIRER.plan(ByteSource.of(data), before, options);
        require(p != null, "no plan");
        if (p.hasEdits()) {
            require(p.result() != null && !java.util.Arrays.equals(p.result(), data), "edits that change nothing");
        }
        return p;
    }

    static void parseInvariants(ParseResult r, long size) {
        require(r.size() == size, () -> "size " + r.size() + " != " + size);
        long previousEnd = r.header().span().end();
        require(previousEnd <= size || size < 8, () -> "file header past the end: " + r.header().span());
        for (Section s : r.sections()) {
            inside(s.header(), size, () -> "header of " + s);
            inside(s.body(), size, () -> "body of section #" + s.index());
            require(s.header().offset() >= previousEnd, () -> "section #" + s.index() + " overlaps what precedes it");
            require(s.body().offset() == s.header().end(),
                    () -> "body of #" + s.index() + " does not follow its header");
            previousEnd = s.body().end();
        }
        for (Span sp : new Span[] {r.eof(), r.trailing(), r.unparsed()}) {
            if (sp != null) {
                inside(sp, size, () -> "span " + sp);
            }
        }
        List<Diagnostic> ds = r.diagnostics();
        for (Diagnostic d : ds) {
            require(d.code() != DiagnosticCode.INTERNAL_ERROR, () -> "the walk failed: " + d);
            require(d.offset() >= 0 && d.length() >= 0 && d.offset() + d.length() <= size,
                    () -> "walk diagnostic outside the file (" + size + " bytes): " + d);
            require(d.section() < r.sections().size(), () -> "diagnostic names a section that does not exist: " + d);
        }
    }

    private static void inside(Span s, long size, Supplier<String> what) {
        require(s.offset() >= 0 && s.length() >= 0 && s.end() <= size, () -> what.get() + " lies outside the " + size
                + "-byte file");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** The message built only when the rule is broken: a diagnostic's text costs more than the check. */
    private static void require(boolean ok, Supplier<String> what) {
        if (!ok) {
            throw new AssertionError(what.get());
        }
    }
}
