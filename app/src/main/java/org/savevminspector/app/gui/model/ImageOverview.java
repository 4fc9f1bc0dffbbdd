package org.savevminspector.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.container.ContainerRecord;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.model.Span;

/**
 * A save image at a glance, for the strip beside the hex pane's scroll bar: where each record lies in the whole
 * file — page data, other records, the device-model record holding the QEVM stream — and where each problem is,
 * as fractions of the file's length. In an image of gigabytes the stream is a few kilobytes: the strip draws it
 * no thinner than a few pixels, so that it can be found (and clicked) at all.
 *
 * @param size     the file's length
 * @param bands    the records in file order
 * @param problems the diagnostics of note and graver, in offset order
 */
public record ImageOverview(long size, List<Band> bands, List<Diagnostic> problems) {

    /** What a band stands for. */
    public enum Kind {
        /** A header, chunk or other record of the image. */
        RECORD,
        /** Guest memory: page data. */
        PAGES,
        /** The device-model record, or the QEVM bytes where no record encloses them. */
        STREAM
    }

    /** One record's place: {@code [start, end)} in the file. */
    public record Band(long start, long end, Kind kind, String label) {
        public boolean contains(long offset) {
            return offset >= start && offset < end;
        }
    }

    /** The overview of a save image; {@code null} for a bare stream (there is nothing around it to show). */
    public static ImageOverview of(ContainerIndex index, List<Diagnostic> diagnostics, long size) {
        if (index == null || !index.isContainer()) {
            return null;
        }
        List<Band> bands = new ArrayList<>();
        Span q = index.qevm();
        boolean enclosed = false;
        for (ContainerRecord r : index.records()) {
            boolean stream = q != null && r.span().offset() <= q.offset() && q.end() <= r.span().end();
            enclosed |= stream;
            Kind k = stream ? Kind.STREAM : r.pages() != null ? Kind.PAGES : Kind.RECORD;
            bands.add(new Band(r.span().offset(), r.span().end(), k, r.name()));
        }
        if (q != null && !enclosed) {
            bands.add(new Band(q.offset(), q.end(), Kind.STREAM, "QEVM stream"));
            bands.sort((a, b) -> Long.compare(a.start(), b.start()));
        }
        List<Diagnostic> problems = diagnostics.stream().filter(d -> d.severity().atLeast(Severity.NOTE)).toList();
        return new ImageOverview(size, List.copyOf(bands), problems);
    }

    /** Where {@code offset} lies, 0 (start of the file) … 1 (its end). */
    public double fraction(long offset) {
        return size <= 0 ? 0 : Math.max(0, Math.min(1, offset / (double) size));
    }

    /** The offset at {@code fraction} of the file. */
    public long offsetAt(double fraction) {
        return Math.max(0, Math.min(size - 1, (long) Math.floor(Math.max(0, Math.min(1, fraction)) * size)));
    }

    /** The band holding {@code offset}, or {@code null}. */
    public Band bandAt(long offset) {
        for (Band b : bands) {
            if (b.contains(offset)) {
                return b;
            }
        }
        return null;
    }

    /** The device-model record's band, or {@code null} when the image holds no stream. */
    public Band stream() {
        for (Band b : bands) {
            if (b.kind() == Kind.STREAM) {
                return b;
            }
        }
        return null;
    }
}
