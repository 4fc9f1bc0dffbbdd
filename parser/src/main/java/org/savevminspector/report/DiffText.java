package org.savevminspector.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.savevminspector.diff.ContainerDiff;
import org.savevminspector.diff.ContentDiff;
import org.savevminspector.diff.DiffPair;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.DiffStatus;
import org.savevminspector.diff.FieldPair;
import org.savevminspector.diff.FileSummary;
import org.savevminspector.diff.PartPair;
import org.savevminspector.diff.SectionPair;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;

/**
 * The {@code diff} text report: the two files, one line per differing section (every section with {@code all})
 * followed by its differing fields with both values and their meanings, the container summary of save images,
 * the section counts, and last the loader outcome of each file when they differ. Plain text, as
 * {@link TextReport}.
 */
public final class DiffText {
    private static final String INDENT = "  ";

    private DiffText() {
    }

    public static String of(DiffResult r, boolean all) {
        StringBuilder sb = new StringBuilder();
        write(r, all, sb);
        return sb.toString();
    }

    public static void write(DiffResult r, boolean all, Appendable out) {
        try {
            out.append("a: ").append(file(r.a())).append('\n');
            out.append("b: ").append(file(r.b())).append('\n');
            int width = pathWidth(r);
            for (DiffPair p : r.pairs()) {
                if (all || p.status().isDifference()) {
                    writePair(p, width, out);
                }
            }
            writeContainer(r.container(), all, width, out);
            out.append(String.format(Locale.ROOT, "Sections: %d same, %d changed, %d only in a, %d only in b\n",
                    r.count(DiffStatus.SAME), r.count(DiffStatus.CHANGED), r.count(DiffStatus.ONLY_A),
                    r.count(DiffStatus.ONLY_B)));
            if (r.loader().differ()) {
                LoaderReport a = r.loader().a();
                out.append("Loader (").append(a != null ? a.profile() : r.loader().b().profile())
                        .append("): outcomes differ\n");
                out.append(INDENT).append("a: ").append(loader(a)).append('\n');
                out.append(INDENT).append("b: ").append(loader(r.loader().b())).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PATH (7513 bytes, qevm-v3, 24 sections)}; an image names its kind and where its stream lies. */
    private static String file(FileSummary f) {
        StringBuilder sb = new StringBuilder(f.path()).append(" (").append(f.size()).append(" bytes, ");
        if (f.isImage()) {
            sb.append(f.kind().json()).append(" image, ");
            if (f.qevm() != null) {
                sb.append(f.format()).append(" stream of ").append(f.qevm().length()).append(" bytes at ")
                        .append(offset(f.qevm().offset())).append(", ");
            }
        } else if (f.format().equals(StreamFormat.UNKNOWN.json())) {
            sb.append("neither a savevm stream nor a known save image, ");
        } else {
            sb.append(f.format()).append(", ");
        }
        return sb.append(TextReport.plural(f.sections(), "section")).append(')').toString();
    }

    private static int pathWidth(DiffResult r) {
        int w = 0;
        for (DiffPair p : r.pairs()) {
            for (FieldPair f : p.fields()) {
                w = Math.max(w, f.displayPath().length());
            }
        }
        if (r.container() != null) {
            for (ContainerDiff.Fact f : r.container().facts()) {
                w = Math.max(w, f.name().length());
            }
        }
        return w;
    }

    private static void writePair(DiffPair p, int width, Appendable out) throws IOException {
        out.append(String.format(Locale.ROOT, "%-8s %s", status(p.status()), p.label()));
        String a = side(p, true);
        String b = side(p, false);
        out.append(" — ");
        if (a != null) {
            out.append("a: ").append(a).append(b != null ? "; " : "");
        }
        if (b != null) {
            out.append("b: ").append(b);
        }
        out.append('\n');
        for (FieldPair f : p.fields()) {
            writeField(f, width, out);
        }
        if (p instanceof PartPair part && part.content() != null && !part.content().equal()) {
            out.append(" ".repeat(width + 4)).append(part.content().describe()).append('\n');
        }
    }

    private static String status(DiffStatus s) {
        return switch (s) {
            case SAME -> "same";
            case CHANGED -> "changed";
            case ONLY_A -> "only a";
            case ONLY_B -> "only b";
        };
    }

    /** {@code #23 at 7211 (0x1C2B), v2≠1, body 278} for a section; {@code 7 bytes at 7513 (0x1D59)} for a part. */
    private static String side(DiffPair p, boolean first) {
        if (p instanceof SectionPair sp) {
            Section s = first ? sp.a() : sp.b();
            if (s == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder("#").append(s.index()).append(" at ")
                    .append(offset(s.header().offset()));
            if (s.versionId() >= 0) {
                sb.append(", v").append(s.versionId()).append(s.labelMismatch() ? "≠" + s.shapeVersion() : "");
            }
            return sb.append(", body ").append(s.body().length()).toString();
        }
        Span s = first ? p.spanA() : p.spanB();
        if (s == null) {
            return null;
        }
        return (s.length() == 1 ? "" : TextReport.plural(s.length(), "byte") + " ") + "at " + offset(s.offset());
    }

    private static void writeField(FieldPair f, int width, Appendable out) throws IOException {
        String lead = INDENT + pad(f.displayPath(), width) + INDENT;
        String cont = " ".repeat(lead.length());
        switch (f.status()) {
            case ONLY_A -> out.append(lead).append("only in a: ").append(value(f.a())).append('\n');
            case ONLY_B -> out.append(lead).append("only in b: ").append(value(f.b())).append('\n');
            default -> {
                out.append(lead).append("a: ").append(value(f.a())).append('\n');
                out.append(cont).append("b: ").append(value(f.b())).append('\n');
                ContentDiff c = f.content();
                if (c != null) {
                    out.append(cont).append(c.describe()).append('\n');
                }
            }
        }
    }

    private static String value(Field f) {
        return f.display();
    }

    private static void writeContainer(ContainerDiff c, boolean all, int width, Appendable out) throws IOException {
        if (c == null || !(all || c.status().isDifference())) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%-8s container\n", status(c.status())));
        for (ContainerDiff.Fact f : c.facts()) {
            String lead = INDENT + pad(f.name(), width) + INDENT;
            if (f.status().isDifference()) {
                out.append(lead).append("a: ").append(fact(f.a())).append('\n');
                out.append(" ".repeat(lead.length())).append("b: ").append(fact(f.b())).append('\n');
            } else if (all) {
                out.append(lead).append("a, b: ").append(fact(f.a())).append('\n');
            }
        }
    }

    private static String fact(Object v) {
        return v == null ? "none" : v.toString();
    }

    /** {@code aborted (rejected), stopped at 7516 (0x1D5C): message}. */
    private static String loader(LoaderReport r) {
        if (r == null) {
            return "not simulated";
        }
        StringBuilder sb = new StringBuilder(r.outcome().json()).append(" (").append(r.verdict().word()).append(')');
        if (r.result() != null) {
            sb.append(", qemu_loadvm_state returns ").append(r.result());
        }
        sb.append(", stopped at ").append(offset(r.stoppedAt())).append(": ").append(r.message());
        List<LoaderReport.NotRestored> lost = r.notRestored();
        if (!lost.isEmpty()) {
            sb.append("; not restored: ");
            for (int i = 0; i < lost.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('#').append(lost.get(i).section()).append(' ')
                        .append(lost.get(i).idstr());
            }
        }
        return sb.toString();
    }

    /** {@code 7211 (0x1C2B)}, as the inspect report writes offsets. */
    private static String offset(long at) {
        return at + " (" + Hex.padded(at) + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
