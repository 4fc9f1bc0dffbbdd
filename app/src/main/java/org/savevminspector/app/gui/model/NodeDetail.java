package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoadOutcome;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * What the detail panel says about a node or a problem: labelled fields (name, type, offset, size, raw bytes,
 * value, meaning), then each diagnostic of the node once — the one being shown first — and one explanation
 * paragraph, of that diagnostic (or the gravest).
 */
public final class NodeDetail {
    /** Raw bytes shown in the panel; longer nodes show this many and say how many more there are. */
    static final int MAX_RAW = 64;

    /**
     * The panel's content.
     *
     * @param fields      labelled fields, in order
     * @param problems    one line per diagnostic: label {@code error CODE}, the message and where, the severity as style
     * @param explanation one paragraph, or empty
     */
    public record Detail(List<DetailLine> fields, List<DetailLine> problems, String explanation) {
        /** Fields and problems, as one list. */
        public List<DetailLine> lines() {
            List<DetailLine> out = new ArrayList<>(fields);
            out.addAll(problems);
            return out;
        }
    }

    private NodeDetail() {
    }

    /**
     * The detail of {@code node} (may be {@code null} when only a problem is selected) and of the problem
     * {@code shown} ({@code null}: none), which comes first of the node's diagnostics and whose explanation is given.
     */
    public static Detail of(StructureTree tree, StructureNode node, ByteSource bytes, Diagnostic shown) {
        List<DetailLine> fields = node == null ? List.of() : fields(tree, node, bytes);
        List<Diagnostic> ds = new ArrayList<>();
        if (shown != null) {
            ds.add(shown);
        }
        if (node != null) {
            for (Diagnostic d : tree.diagnostics(node)) {
                if (!d.equals(shown)) {
                    ds.add(d);
                }
            }
        }
        List<DetailLine> problems = new ArrayList<>();
        for (Diagnostic d : ds) {
            problems.add(problem(d));
        }
        String explanation = "";
        Diagnostic explained = shown != null ? shown : ds.stream()
                .max((a, b) -> a.severity().compareTo(b.severity())).orElse(null);
        if (explained != null) {
            explanation = explained.explanation();
        }
        return new Detail(fields, problems, explanation);
    }

    private static List<DetailLine> fields(StructureTree tree, StructureNode node, ByteSource bytes) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("Name", node.path(), "title"));
        Field f = node.field();
        Section s = tree.section(node);
        switch (node.kind()) {
            case SECTION -> {
                out.add(new DetailLine("Section", "#" + s.index() + " " + s.type().json() + ", section id " + s.sectionId()
                        + (s.instanceId() >= 0 ? ", instance " + s.instanceId() : "")
                        + (s.versionId() >= 0 ? ", version " + s.versionId() : ""), ""));
                if (s.decoded() && s.shapeVersion() >= 0) {
                    out.add(new DetailLine("Body shape", "version " + s.shapeVersion()
                            + (s.labelMismatch() ? " (the label says " + s.versionId() + ")" : ""),
                            s.labelMismatch() ? "error" : ""));
                } else if (!s.decoded()) {
                    out.add(new DetailLine("Body", "not decoded (no decoder for this device and version)", "warn"));
                }
            }
            case FIELD -> out.add(new DetailLine("Type", f.type().label(), ""));
            default -> out.add(new DetailLine("Type", NodeColumns.type(tree, node), ""));
        }
        if (node.summary() != null) {
            out.add(new DetailLine("Summary", node.summary(), ""));
        }
        DiskOutline disk = tree.disk();
        Span inFile = disk == null ? null : disk.fileSpan(node);
        if (inFile != null) {
            // a structure of the VHD file: not among the virtual disk's bytes the hex pane shows
            out.add(new DetailLine("VHD file offset", OffsetFormat.detail(inFile.offset()), ""));
            out.add(new DetailLine("Size", inFile.length() + " bytes, in the VHD file", ""));
        } else {
            out.add(new DetailLine(disk == null ? "Offset" : "Virtual offset", OffsetFormat.detail(node.offset()), ""));
            if (disk != null) {
                long at = disk.fileOffset(node.offset());
                out.add(new DetailLine("VHD file offset", at < 0 ? "none: no block holds it (it reads as zeros, or "
                        + "as the parent's)" : OffsetFormat.detail(at), ""));
            }
            out.add(new DetailLine("Size", node.span().length() + (node.span().length() == 1 ? " byte" : " bytes"),
                    ""));
            out.add(new DetailLine("Raw bytes", raw(bytes, node), "mono"));
        }
        if (f != null && f.type() != FieldType.STRUCT && f.type() != FieldType.ARRAY) {
            out.add(new DetailLine("Value", f.name() + " = " + f.display(), "mono"));
            String meaning = f.meaningText();
            if (meaning != null) {
                out.add(new DetailLine("Meaning", meaning, ""));
            }
        }
        return out;
    }

    /** One diagnostic: {@code error CODE}, its message and where it points. */
    public static DetailLine problem(Diagnostic d) {
        return new DetailLine(d.severity().json() + " " + d.code().name(), d.message() + " — at "
                + OffsetFormat.detail(d.offset()) + (d.length() > 0 ? ", " + d.length() + " bytes" : "")
                + (d.section() >= 0 ? ", section #" + d.section() : ""), d.severity().json());
    }

    /** How the upstream loader simulation ended: {@code aborted}, {@code loaded (result 0)}. */
    public static String loaderOutcome(LoaderReport l) {
        return l.outcome().json() + (l.result() == null ? "" : " (result " + l.result() + ")");
    }

    /** The loader's outcome and message, in {@code loadedStyle} when it loaded and as an error otherwise. */
    public static DetailLine loader(String label, LoaderReport l, String loadedStyle) {
        return new DetailLine(label, loaderOutcome(l) + ": " + l.message(),
                l.outcome() == LoadOutcome.LOADED ? loadedStyle : "error");
    }

    static String raw(ByteSource bytes, StructureNode node) {
        long len = node.span().length();
        if (len == 0 || bytes == null) {
            return "(none)";
        }
        byte[] b = bytes.bytes(node.offset(), (int) Math.min(len, MAX_RAW));
        String hex = CopyFormats.hex(b);
        return len > MAX_RAW ? hex + " … (" + (len - MAX_RAW) + " more)" : hex;
    }
}
