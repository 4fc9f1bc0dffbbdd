package org.savevminspector.report;

import static org.savevminspector.report.PrintableText.escape;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonGenerator;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.compress.CompressionLayer;
import org.savevminspector.io.vhd.ParentLocator;
import org.savevminspector.io.vhd.VhdDisk;
import org.savevminspector.io.vhd.VhdFooter;
import org.savevminspector.io.vhd.VhdHeader;
import org.savevminspector.io.vhd.VhdLayer;
import org.savevminspector.io.vhd.VhdType;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * What the save file arrived in, for the reports: the compression it was decoded from and the VHD it was read out
 * of, above the save image. Offsets here are those of the stored file (the compressed file, the VHD file); the
 * rest of a report addresses the decompressed data or the virtual disk, and the reports say so.
 */
public final class LayerReport {
    private LayerReport() {
    }

    /** Every layer's diagnostics, outermost layer first (what reads first fails first). */
    public static List<Diagnostic> diagnostics(List<InputLayer> layers) {
        List<Diagnostic> all = new ArrayList<>();
        for (InputLayer l : layers) {
            all.addAll(l.diagnostics());
        }
        return all;
    }

    /** {@code gzip, vhd dynamic, }: the layers as the check line names them before the format. */
    public static String names(List<InputLayer> layers) {
        StringBuilder b = new StringBuilder();
        for (InputLayer l : layers) {
            b.append(l.kind());
            if (l instanceof VhdLayer v) {
                b.append(' ').append(v.disk().type().json());
            }
            b.append(", ");
        }
        return b.toString();
    }

    /**
     * The text report's lines about the layers, before the container's: nothing for a file read as it is.
     *
     * @param qevm where the QEVM stream lies in the bytes the report addresses (the virtual disk), or {@code null}
     */
    public static void writeText(List<InputLayer> layers, Span qevm, Inspection inspection, PrintWriter out) {
        if (layers.isEmpty()) {
            return;
        }
        for (InputLayer l : layers) {
            if (l instanceof CompressionLayer c) {
                out.println("Compression: " + c.kind() + ", " + c.storedSize() + " bytes stored, " + c.size()
                        + " bytes decompressed");
            } else if (l instanceof VhdLayer v) {
                writeDisk(v, qevm, out);
            }
            for (Diagnostic d : l.diagnostics()) {
                if (d.severity().atLeast(Severity.NOTE)) {
                    out.println("  " + TextReport.diagnosticLine(d, inspection));
                }
            }
        }
        out.println("Offsets below are offsets in the " + (layers.get(layers.size() - 1) instanceof VhdLayer
                ? "virtual disk" : "decompressed data") + ".");
        out.println();
    }

    private static void writeDisk(VhdLayer v, Span qevm, PrintWriter out) {
        VhdDisk d = v.disk();
        VhdFooter f = d.footer();
        out.println("Disk: VHD " + d.type().json() + ", virtual size " + d.virtualSize() + " bytes, file "
                + d.fileSize() + " bytes, made by " + escape(f.creator()) + " (" + escape(f.creatorHostOs().strip())
                + ") at " + f.created() + ", unique id " + f.uniqueId());
        if (d.footerCopy() != null) {
            row(out, d.footerCopy().span(), "footer copy", checksum(d.footerCopy().checksumOk()));
        }
        VhdHeader h = d.header();
        if (h != null) {
            row(out, h.span(), "dynamic header", checksum(h.checksumOk()) + "; blocks of " + h.blockSize()
                    + " bytes, table at " + h.tableOffset() + " with " + h.maxTableEntries() + " entries");
            long[] range = d.bat().allocatedRange();
            row(out, d.bat().span(), "BAT", d.bat().allocated() + " of " + d.bat().entries() + " blocks allocated"
                    + (range[0] < 0 ? "" : " (blocks " + range[0] + ".." + range[1] + ")"));
            if (d.type() == VhdType.DIFFERENCING) {
                out.println("  parent: " + escape(h.parentName()) + ", unique id " + h.parentUniqueId());
                for (ParentLocator l : h.locators()) {
                    out.println("    locator " + escape(l.platform().strip()) + ": "
                            + (l.path() == null ? "(no path)" : escape(l.path())));
                }
                for (VhdDisk p : v.parents()) {
                    out.println("  read over: VHD " + p.type().json() + ", unique id " + p.footer().uniqueId());
                }
            }
        }
        row(out, f.span(), f.span().offset() == 0 ? "footer (copy used)" : "footer", checksum(f.checksumOk()));
        if (qevm != null) {
            for (long[] e : extents(d, qevm)) {
                out.println("  QEVM stream: virtual " + e[0] + " +" + e[2] + " at file offset "
                        + (e[1] < 0 ? "none (reads as zeros or from the parent)" : Hex.offset(e[1])));
            }
        }
    }

    private static void row(PrintWriter out, Span s, String what, String detail) {
        // file offsets in the tool's usual form, as every report gives them (the container records' table too)
        out.println(String.format("  @%-22s %-12d %-16s %s", Hex.offset(s.offset()), s.length(), what, detail));
    }

    private static String checksum(boolean ok) {
        return ok ? "checksum ok" : "checksum BAD";
    }

    /**
     * Where the stream's bytes lie in the VHD file: one {@code {virtual, file or -1, length}} per block (one for a
     * fixed disk).
     */
    static List<long[]> extents(VhdDisk d, Span qevm) {
        List<long[]> out = new ArrayList<>();
        long step = d.type().sparse() ? d.blockSize() : Long.MAX_VALUE;
        long pos = qevm.offset();
        while (pos < qevm.end()) {
            long next = step == Long.MAX_VALUE ? qevm.end() : Math.min(qevm.end(), (pos / step + 1) * step);
            out.add(new long[] {pos, d.fileOffset(pos), next - pos});
            pos = next;
        }
        return out;
    }

    /**
     * The JSON's {@code "compression"} (the name, or {@code null}), {@code "compressed"} (stored size and the
     * decoder's diagnostics, or {@code null}) and {@code "disk"} (the VHD, or {@code null}).
     */
    public static void writeJson(JsonGenerator g, List<InputLayer> layers, Span qevm) throws IOException {
        CompressionLayer c = find(layers, CompressionLayer.class);
        VhdLayer v = find(layers, VhdLayer.class);
        if (c == null) {
            g.writeNullField("compression");
            g.writeNullField("compressed");
        } else {
            g.writeStringField("compression", c.kind());
            g.writeObjectFieldStart("compressed");
            g.writeNumberField("size", c.storedSize());
            g.writeNumberField("decompressedSize", c.size());
            JsonParts.writeDiagnostics(g, "diagnostics", c.diagnostics());
            g.writeEndObject();
        }
        if (v == null) {
            g.writeNullField("disk");
        } else {
            writeDisk(g, v, qevm);
        }
    }

    private static void writeDisk(JsonGenerator g, VhdLayer v, Span qevm) throws IOException {
        VhdDisk d = v.disk();
        VhdFooter f = d.footer();
        g.writeObjectFieldStart("disk");
        g.writeStringField("format", "vhd");
        g.writeStringField("type", d.type().json());
        g.writeNumberField("virtualSize", d.virtualSize());
        g.writeNumberField("fileSize", d.fileSize());
        g.writeStringField("creator", f.creator());
        g.writeStringField("hostOs", f.creatorHostOs().strip());
        g.writeStringField("created", f.created().toString());
        g.writeStringField("uniqueId", f.uniqueId().toString());
        footer(g, "footer", f);
        if (d.footerCopy() == null) {
            g.writeNullField("footerCopy");
        } else {
            footer(g, "footerCopy", d.footerCopy());
        }
        VhdHeader h = d.header();
        if (h == null) {
            g.writeNullField("header");
            g.writeNullField("bat");
        } else {
            g.writeObjectFieldStart("header");
            g.writeNumberField("offset", h.span().offset());
            g.writeNumberField("length", h.span().length());
            g.writeBooleanField("checksumOk", h.checksumOk());
            g.writeNumberField("tableOffset", h.tableOffset());
            g.writeNumberField("maxTableEntries", h.maxTableEntries());
            g.writeNumberField("blockSize", h.blockSize());
            g.writeStringField("parentUniqueId", h.parentUniqueId().toString());
            g.writeStringField("parentName", h.parentName());
            g.writeArrayFieldStart("locators");
            for (ParentLocator l : h.locators()) {
                g.writeStartObject();
                g.writeStringField("platform", l.platform().strip());
                g.writeNumberField("offset", l.dataOffset());
                g.writeNumberField("length", l.dataLength());
                g.writeStringField("path", l.path());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            long[] range = d.bat().allocatedRange();
            g.writeObjectFieldStart("bat");
            g.writeNumberField("offset", d.bat().span().offset());
            g.writeNumberField("entries", d.bat().entries());
            g.writeNumberField("allocated", d.bat().allocated());
            JsonParts.writeIndexOrNull(g, "firstBlock", range[0]);
            JsonParts.writeIndexOrNull(g, "lastBlock", range[1]);
            g.writeEndObject();
        }
        g.writeArrayFieldStart("parents");
        for (VhdDisk p : v.parents()) {
            g.writeStartObject();
            g.writeStringField("type", p.type().json());
            g.writeStringField("uniqueId", p.footer().uniqueId().toString());
            g.writeNumberField("virtualSize", p.virtualSize());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("qevm");
        if (qevm != null) {
            for (long[] e : extents(d, qevm)) {
                g.writeStartObject();
                g.writeNumberField("virtualOffset", e[0]);
                JsonParts.writeIndexOrNull(g, "fileOffset", e[1]);
                g.writeNumberField("length", e[2]);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        JsonParts.writeDiagnostics(g, "diagnostics", v.diagnostics());
        g.writeEndObject();
    }

    private static void footer(JsonGenerator g, String name, VhdFooter f) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("offset", f.span().offset());
        g.writeNumberField("length", f.span().length());
        g.writeBooleanField("checksumOk", f.checksumOk());
        g.writeEndObject();
    }

    private static <L extends InputLayer> L find(List<InputLayer> layers, Class<L> type) {
        for (InputLayer l : layers) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        return null;
    }
}
