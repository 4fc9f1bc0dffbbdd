package org.savevminspector.app.cli;

import java.io.PrintWriter;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.container.PageRun;
import org.savevminspector.model.Hex;
import org.savevminspector.report.PrintableText;

/** The text report's lines about a save image around the QEVM stream; nothing for a bare stream. */
final class ContainerText {
    private ContainerText() {
    }

    static void write(ContainerIndex c, PrintWriter out) {
        if (c.isContainer()) {
            out.println("Container: " + c.kind().json() + " (" + c.kind().description() + "), " + c.records().size()
                    + " record(s)");
            for (ContainerRecord r : c.records()) {
                PageRun p = r.pages();
                out.println(String.format("  @%-22s %-12d %-16s %s%s", Hex.offset(r.span().offset()), r.span().length(), r.type(),
                        PrintableText.escape(r.name()), p == null ? "" : " — " + p.batches() + " batch(es), "
                                + p.pagesWithData() + " page(s), " + (p.pfnsRead() ? "pfn " + p.minPfn() + ".."
                                        + p.maxPfn() : "pfns not read (--pfn-arrays)")));
            }
            out.println(c.qevm() == null ? "QEVM stream: none" : "QEVM stream: offset " + Hex.offset(c.qevm().offset())
                    + ", " + c.qevm().length() + " bytes");
            out.println();
        } else if (c.kind() == null && c.qevm() != null) {
            out.println("No known container; inspecting the QEVM stream at offset " + Hex.offset(c.qevm().offset())
                    + " (" + c.qevm().length() + " bytes to the end of the file)");
            out.println();
        } else if (c.kind() == null && !c.embedded().isEmpty()) {
            out.println("No known container; a QEVM stream starts at offset " + Hex.offset(c.embedded().get(0))
                    + " (inspect it with --offset " + c.embedded().get(0) + "; extract it with extract FILE --offset "
                    + c.embedded().get(0) + " -o qemu.bin)");
            out.println();
        }
    }
}
