package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.savevminspector.model.Field;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;
import org.savevminspector.stream.ParseResult;

/**
 * "What is different?" between two savevm files or save images, by meaning rather than by byte offset: sections
 * paired by device, fields by path, byte arrays by content, plus the file header, EOF marker, trailing bytes,
 * container summaries and loader outcomes. Works from two finished inspections; reads only the bytes of sections
 * whose bodies it compares and of trailing bytes, never an image's page data. Linear in the number of sections;
 * a section whose body bytes are equal on both sides is never looked at field by field.
 */
public final class StructuralDiff {
    /** Header fields of the file that say what it is; {@code total_len} is a length and not compared. */
    private static final List<String> FILE_HEADER_FIELDS = List.of("magic", "file_version");

    private final IgnoreRules ignore;

    public StructuralDiff(IgnoreRules ignore) {
        this.ignore = ignore;
    }

    public static StructuralDiff standard() {
        return new StructuralDiff(IgnoreRules.none());
    }

    public DiffResult compare(DiffInput a, DiffInput b) {
        return compare(a, b, () -> false);
    }

    /**
     * @param cancelled polled between sections; when it answers true the comparison throws
     *                  {@link CancellationException}
     * @throws java.io.UncheckedIOException when either file cannot be read
     */
    public DiffResult compare(DiffInput a, DiffInput b, BooleanSupplier cancelled) {
        ParseResult pa = a.inspection().parse();
        ParseResult pb = b.inspection().parse();
        SectionComparison sections = new SectionComparison(a.source(), b.source(), ignore);
        List<Section> as = pa.sections();
        List<Section> bs = pb.sections();
        // the pairs kept as numbers; the sections through the lists' get, whose cache hands a viewer's tree the
        // same sections (and so the same decoded fields) as a pair of a small file
        SectionPairList.Builder pairs = new SectionPairList.Builder(as, bs);
        for (OrderedPairing.Match m : SectionPairing.pair(as, bs)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("comparison cancelled");
            }
            Section sa = m.a() < 0 ? null : as.get(m.a());
            Section sb = m.b() < 0 ? null : bs.get(m.b());
            if (!ignore.ignoresSection(sa, sb)) {
                pairs.add(m.a(), m.b(), sections.compare(sa, sb));
            }
        }
        return new DiffResult(FileSummary.of(a), FileSummary.of(b), fileHeader(pa.header(), pb.header()), pairs.build(),
                marker(pa.eof(), pb.eof()),
                bytes(PartPair.Part.TRAILING, a, pa.trailing(), b, pb.trailing()),
                bytes(PartPair.Part.UNPARSED, a, pa.unparsed(), b, pb.unparsed()),
                ContainerFacts.compare(a.container(), b.container()),
                new LoaderPair(a.inspection().loader(), b.inspection().loader()));
    }

    private static PartPair fileHeader(FileHeader ha, FileHeader hb) {
        // a file too short for a magic, or with another magic, has a header of no fields: no header
        FileHeader a = ha == null || ha.fields().isEmpty() ? null : ha;
        FileHeader b = hb == null || hb.fields().isEmpty() ? null : hb;
        if (a == null && b == null) {
            return null;
        }
        List<FieldPair> fields = new ArrayList<>();
        if (a != null && b != null) {
            for (String name : FILE_HEADER_FIELDS) {
                Field fa = SectionComparison.named(a.fields(), name);
                Field fb = SectionComparison.named(b.fields(), name);
                if (fa == null && fb == null) {
                    continue;
                }
                if (fa == null || fb == null || fa.value() != fb.value()) {
                    fields.add(new FieldPair(name, DiffStatus.of(fa, fb, true), fa, fb, null));
                }
            }
        }
        return new PartPair(PartPair.Part.FILE_HEADER, DiffStatus.of(a, b, !fields.isEmpty()),
                a == null ? null : a.span(), b == null ? null : b.span(), fields, null);
    }

    private static PartPair marker(Span a, Span b) {
        if (a == null && b == null) {
            return null;
        }
        return new PartPair(PartPair.Part.EOF, DiffStatus.of(a, b, false), a, b, List.of(), null);
    }

    private static PartPair bytes(PartPair.Part part, DiffInput in, Span a, DiffInput other, Span b) {
        if (a == null && b == null) {
            return null;
        }
        ContentDiff c = a == null || b == null ? null
                : ContentComparison.compare(in.source(), a, other.source(), b, List.of());
        return new PartPair(part, DiffStatus.of(a, b, c != null && !c.equal()), a, b, List.of(), c);
    }
}
