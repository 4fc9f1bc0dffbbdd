package org.savevminspector.report;

import static org.savevminspector.report.PrintableText.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.InputLayer;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * Human-readable reports, in the manner of Xen's {@code verify-stream-v2 -v}: one line per section (offset,
 * type, section id, idstr, instance, version, body length, status), then every diagnostic with its offset, which
 * named checks ran, then the loader's verdict. Offsets are printed in decimal and hex because docs/FORMAT.md (FORMAT.md E.1) and hex viewers use both.
 * Plain text, no colour: the same bytes whatever the terminal ({@code NO_COLOR} has nothing to switch off); text
 * that comes from the file or the user (names, idstrs, messages quoting them) is {@link PrintableText escaped}.
 */
public final class TextReport {
    /** The idstr column is as wide as the longest quoted idstr of the file, at least this wide. */
    private static final int MIN_IDSTR_WIDTH = 21;

    private TextReport() {
    }

    public static String inspect(Inspection inspection, FileInfo file) {
        StringBuilder sb = new StringBuilder();
        writeInspect(inspection, file, sb);
        return sb.toString();
    }

    /** The {@code inspect} text report. */
    public static void writeInspect(Inspection inspection, FileInfo file, Appendable out) {
        try {
            out.append("File: ").append(escape(file.path())).append(" (").append(file.summary()).append(")\n");
            String format = inspection.parse().format().json();
            out.append("Format: ").append(format).append(", ")
                    .append(plural(inspection.sections().size(), "section")).append('\n');
            if (!inspection.sections().isEmpty()) {
                int width = MIN_IDSTR_WIDTH;
                for (Section s : inspection.sections()) {
                    width = Math.max(width, quote(s.idstr()).length());
                }
                out.append(String.format(Locale.ROOT, sectionFormat(width), "#", "offset", "hex", "type", "id",
                        "idstr", "inst", "ver", "body", "status"));
                for (Section s : inspection.sections()) {
                    out.append(sectionLine(s, inspection, width));
                }
            }
            Span eof = inspection.parse().eof();
            if (eof != null) {
                out.append(String.format(Locale.ROOT, "%6s  %10d  %-10s eof%n", "", eof.offset(),
                        Hex.padded(eof.offset())));
            }
            writeDiagnostics(inspection, out);
            writeChecks(inspection, out);
            writeLoader(inspection.loader(), format, out);
            out.append("Result: ").append(summary(inspection)).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sectionFormat(int idstrWidth) {
        return "%6s  %10s  %-10s %-5s  %5s  %-" + idstrWidth + "s  %5s  %4s  %8s  %s%n";
    }

    static String sectionLine(Section s, Inspection inspection, int idstrWidth) {
        Severity status = inspection.sectionStatus(s.index());
        String version = s.versionId() < 0 ? "-" : Long.toString(s.versionId());
        if (s.labelMismatch()) {
            version += "≠" + s.shapeVersion();
        }
        // sectionFormat by hand: a line per section, and a stream may have a million (Formatter parses its
        // pattern with a regular expression on every call)
        StringBuilder sb = new StringBuilder(96 + idstrWidth);
        right(sb, "#" + s.index(), 6).append("  ");
        right(sb, Long.toString(s.header().offset()), 10).append("  ");
        left(sb, Hex.padded(s.header().offset()), 10).append(' ');
        left(sb, s.type().json(), 5).append("  ");
        right(sb, Long.toString(s.sectionId()), 5).append("  ");
        left(sb, quote(s.idstr()), idstrWidth).append("  ");
        right(sb, s.instanceId() < 0 ? "-" : Long.toString(s.instanceId()), 5).append("  ");
        right(sb, version, 4).append("  ");
        right(sb, Long.toString(s.body().length()), 8).append("  ");
        return sb.append(status == null ? "ok" : status.json()).append(System.lineSeparator()).toString();
    }

    /** {@code %Ns}: {@code text} after spaces to make {@code width} characters. */
    private static StringBuilder right(StringBuilder sb, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(text);
    }

    /** {@code %-Ns}: {@code text} and spaces after it to make {@code width} characters. */
    private static StringBuilder left(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private static void writeDiagnostics(Inspection inspection, Appendable out) throws IOException {
        List<Diagnostic> ds = inspection.diagnostics();
        out.append("Diagnostics: ").append(ds.isEmpty() ? "none" : Integer.toString(ds.size())).append('\n');
        for (Diagnostic d : ds) {
            out.append("  ").append(diagnosticLine(d, inspection)).append('\n');
        }
    }

    /** {@code error VERSION_LABEL_MISMATCH at 4660 (0x1234) +278, section #12 "piix4acpi": message}. */
    public static String diagnosticLine(Diagnostic d, Inspection inspection) {
        StringBuilder sb = new StringBuilder();
        left(sb, d.severity().json(), 5).append(' ').append(d.code().name()).append(" at ").append(d.offset())
                .append(" (").append(Hex.padded(d.offset())).append(')');
        if (d.length() > 0) {
            sb.append(" +").append(d.length());
        }
        if (d.section() >= 0) {
            sb.append(", section #").append(d.section());
            if (d.section() < inspection.sections().size()) {
                sb.append(' ').append(quote(inspection.sections().get(d.section()).idstr()));
            }
        }
        return sb.append(": ").append(escape(d.message())).toString();
    }

    /**
     * The named sanity checks and what each did here, as the JSON's {@code checks} array does: without it a report
     * with no finding cannot tell "checked and fine" from "nothing looked".
     */
    private static void writeChecks(Inspection inspection, Appendable out) throws IOException {
        List<CheckCatalog.Result> results = inspection.parse().checks();
        int width = 0;
        for (CheckCatalog.Result r : results) {
            width = Math.max(width, r.check().id().length());
        }
        long ran = results.stream().filter(CheckCatalog.Result::ran).count();
        out.append("Checks: ").append(Long.toString(ran)).append(" of ").append(Integer.toString(results.size()))
                .append(" ran\n");
        for (CheckCatalog.Result r : results) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s\n", r.check().id(), checkOutcome(r)));
        }
    }

    /** {@code ran, 8 sections, 0 findings} or {@code not applicable}. */
    static String checkOutcome(CheckCatalog.Result r) {
        if (!r.ran()) {
            return "not applicable";
        }
        return "ran, " + plural(r.sectionsChecked(), "section") + ", " + plural(r.findings(), "finding");
    }

    private static void writeLoader(LoaderReport r, String format, Appendable out) throws IOException {
        if (r == null) {
            out.append("Loader (upstream): not simulated")
                    .append(format.equals("unknown") ? " (qemu-dm would not read this as a stream)" : "")
                    .append('\n');
            return;
        }
        out.append("Loader (").append(r.profile()).append("): ").append(r.outcome().json());
        if (r.result() != null) {
            out.append(", qemu_loadvm_state returns ").append(Integer.toString(r.result()));
        }
        out.append(", stopped at ").append(Long.toString(r.stoppedAt())).append(" (").append(Hex.padded(r.stoppedAt()))
                .append(')');
        if (r.overrunBytes() > 0) {
            out.append(", read ").append(plural(r.overrunBytes(), "byte")).append(" past the end");
        }
        out.append(": ").append(escape(r.message())).append('\n');
        for (LoaderReport.NotRestored n : r.notRestored()) {
            out.append("  not restored: #").append(Integer.toString(n.section())).append(' ').append(escape(n.idstr()))
                    .append(": ").append(escape(n.reason())).append('\n');
        }
        for (String c : r.consequences()) {
            out.append("  consequence: ").append(escape(c)).append('\n');
        }
    }

    /**
     * One line for {@code check}: {@code PATH: ok (qevm-v3, 23 sections)} or {@code PATH: FAIL (…)} naming the
     * counts and the first diagnostic at or above {@code threshold}.
     */
    public static String checkLine(Inspection inspection, FileInfo file, Severity threshold) {
        return checkLine(inspection, file.path(), threshold, List.of());
    }

    /**
     * As {@link #checkLine(Inspection, FileInfo, Severity)} for a file named {@code path} (nothing is hashed)
     * whose bytes were read out of {@code layers}: they are named before the format ({@code gzip, vhd dynamic,
     * qevm-v3, …}), their diagnostics count and come first.
     */
    public static String checkLine(Inspection inspection, String path, Severity threshold, List<InputLayer> layers) {
        List<Diagnostic> all = new ArrayList<>(LayerReport.diagnostics(layers));
        all.addAll(inspection.diagnostics());
        Diagnostic first = null;
        for (Diagnostic d : all) {
            if (d.severity().atLeast(threshold)) {
                first = d;
                break;
            }
        }
        String format = LayerReport.names(layers) + inspection.parse().format().json();
        StringBuilder sb = new StringBuilder(escape(path)).append(": ").append(first == null ? "ok" : "FAIL")
                .append(" (").append(format).append(", ").append(plural(inspection.sections().size(), "section"))
                .append(", ").append(summary(all)).append(')');
        if (first != null) {
            sb.append(" first: ").append(diagnosticLine(first, inspection));
        }
        return sb.toString();
    }

    /** {@code 2 errors, 1 warn, 0 notes} or {@code clean}; info-level diagnostics are not counted. */
    public static String summary(Inspection inspection) {
        return summary(inspection.diagnostics());
    }

    /** The same over any list of diagnostics. */
    public static String summary(List<Diagnostic> diagnostics) {
        int errors = count(diagnostics, Severity.ERROR);
        int warns = count(diagnostics, Severity.WARN);
        int notes = count(diagnostics, Severity.NOTE);
        if (errors + warns + notes == 0) {
            return "clean";
        }
        return plural(errors, "error") + ", " + plural(warns, "warning") + ", " + plural(notes, "note");
    }

    private static int count(List<Diagnostic> diagnostics, Severity s) {
        int n = 0;
        for (Diagnostic d : diagnostics) {
            if (d.severity() == s) {
                n++;
            }
        }
        return n;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String quote(String s) {
        return s == null ? "-" : "\"" + escape(s) + "\"";
    }
}
