package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.container.PageBatches;
import org.savevminspector.container.PageRun;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * The save image around the QEVM stream as tree nodes, without a toolkit: one node per container record with
 * its header fields as children, page-data runs summarised (count, pfn range, bytes) and expanded into their
 * batches only on demand, and the QEVM stream itself (whose structure is the main tree's).
 */
public final class ContainerOutline {
    /** Batches listed under one run at most; the rest is summarised in one line. */
    public static final int MAX_BATCHES = 1000;

    /** What a node stands for. */
    public enum Kind { RECORD, FIELD, PAGE_RUN, PAGE_BATCH, MORE, QEVM }

    /**
     * One node.
     *
     * @param kind   what it is
     * @param label  the name shown
     * @param value  decoded value or summary
     * @param span   the bytes it covers (the hex pane selects them)
     * @param record the container record behind it (for lazy children), or {@code null}
     */
    public record Node(Kind kind, String label, String value, Span span, ContainerRecord record) {
        public boolean hasChildren() {
            return kind == Kind.PAGE_RUN || (kind == Kind.RECORD && !record.fields().isEmpty());
        }
    }

    private final ContainerIndex index;

    public ContainerOutline(ContainerIndex index) {
        this.index = index;
    }

    public ContainerIndex index() {
        return index;
    }

    /** Records and the QEVM stream, in file order. */
    public List<Node> roots() {
        List<Node> out = new ArrayList<>();
        boolean qevmPlaced = false;
        for (ContainerRecord r : index.records()) {
            if (!qevmPlaced && index.qevm() != null && r.span().offset() > index.qevm().offset()) {
                out.add(qevmNode());
                qevmPlaced = true;
            }
            out.add(r.pages() != null ? new Node(Kind.PAGE_RUN, r.name(), summary(r.pages()), r.span(), r)
                    : new Node(Kind.RECORD, r.name(), r.type(), r.span(), r));
        }
        if (!qevmPlaced && index.qevm() != null) {
            out.add(qevmNode());
        }
        return out;
    }

    private Node qevmNode() {
        return new Node(Kind.QEVM, "QEVM stream", String.format(Locale.ROOT, "%,d bytes (structure in the main tree)",
                index.qevm().length()), index.qevm(), null);
    }

    /** Children of {@code node}; page runs read their batch headers from {@code src} (the caller's thread's source). */
    public List<Node> children(Node node, ByteSource src) {
        List<Node> out = new ArrayList<>();
        if (node.kind() == Kind.RECORD) {
            for (Field f : node.record().fields()) {
                out.add(new Node(Kind.FIELD, f.name(), f.display(), f.span(), null));
            }
        } else if (node.kind() == Kind.PAGE_RUN) {
            List<PageBatches.Batch> batches = PageBatches.list(src, node.record(), MAX_BATCHES);
            for (PageBatches.Batch b : batches) {
                out.add(new Node(Kind.PAGE_BATCH, "batch", summary(b.pages()), b.span(), null));
            }
            long more = node.record().pages().batches() - batches.size();
            if (more > 0) {
                Span rest = new Span(batches.isEmpty() ? node.span().offset() : batches.get(batches.size() - 1).span().end(), 0);
                out.add(new Node(Kind.MORE, "…", more + " more batch(es) not listed", rest, null));
            }
        }
        return out;
    }

    public static String summary(PageRun p) {
        return String.format(Locale.ROOT, "%,d batch(es), %,d page(s) with data%s, %s, %,d bytes of pages",
                p.batches(), p.pagesWithData(), p.entries() > p.pagesWithData()
                        ? " (+" + (p.entries() - p.pagesWithData()) + " without)" : "",
                p.pfnsRead() ? String.format(Locale.ROOT, "pfn %#x..%#x", p.minPfn(), p.maxPfn()) : "pfns not read",
                p.payloadBytes());
    }

    /** The offer for a file of no known container that holds a QEVM magic, or {@code null}. */
    public String embeddedOffer() {
        if (index.kind() != null || index.embedded().isEmpty()) {
            return null;
        }
        return "A QEVM stream starts at offset " + index.embedded().get(0) + " of this file.";
    }
}
