package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Span;

/**
 * The batches of a page-data run, one by one, for a viewer that expands the run: the index keeps only the
 * run's summary (bounded memory), so the batches are walked again on demand, headers and pfn arrays only.
 */
public final class PageBatches {

    /** One batch: its bytes and what it holds. */
    public record Batch(Span span, PageRun pages) {
    }

    private PageBatches() {
    }

    /** At most {@code max} batches of {@code run}, in file order. */
    public static List<Batch> list(ByteSource src, ContainerRecord run, int max) {
        PageRun p = run.pages();
        if (p == null) {
            throw new IllegalArgumentException(run.name() + " is no page-data run");
        }
        ImageWalk w = new ImageWalk(src, ParseOptions.DEFAULT);
        List<Batch> out = new ArrayList<>();
        long pos = run.span().offset();
        long end = run.span().end();
        byte[] arr = new byte[LegacyLibxc.MAX_BATCH * 8];
        while (pos < end && out.size() < max) {
            PageRun one;
            long next;
            if (p.v2()) {
                one = LibxcV2.pageDataAt(w, pos);
                if (one == null) {
                    break;
                }
                long len = src.le32(pos + 4);
                next = pos + 8 + len + V2Records.padding(len);
            } else {
                int n = (int) src.le32(pos);
                int ws = p.entryWidth();
                if (n <= 0 || n > LegacyLibxc.MAX_BATCH || !src.has(pos + 4, (long) n * ws)) {
                    break;
                }
                one = LegacyLibxc.batch(src, pos, n, ws, arr);
                next = pos + 4 + (long) n * ws + one.payloadBytes();
            }
            out.add(new Batch(new Span(pos, next - pos), one));
            pos = next;
        }
        return out;
    }
}
