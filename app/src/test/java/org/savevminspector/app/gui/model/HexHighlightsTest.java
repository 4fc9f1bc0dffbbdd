package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.savevminspector.model.Span;

class HexHighlightsTest {
    private final StructureTree tree = new StructureTree(Samples.SAMPLE_INSPECTION);

    @Test
    void selectingAFieldLayersSectionHeaderBodyAndTheFieldInPaintOrder() {
        HexHighlights h = HexHighlights.of(Anomalies.of(Samples.SAMPLE_INSPECTION)).select(tree, tree.nodeAt(7510));
        List<Highlight> layers = h.layers(7200, 7520);
        List<HighlightKind> kinds = layers.stream().map(Highlight::kind).toList();
        assertEquals(HighlightKind.ERROR_SECTION, kinds.get(0), "the always-on tint lies under the selection");
        assertEquals(HighlightKind.SECTION_HEADER, kinds.get(1));
        assertEquals(HighlightKind.SECTION_BODY, kinds.get(2));
        Highlight sel = h.selected();
        assertEquals(7510, sel.start());
        assertEquals(7512, sel.end());
        for (int i = 1; i < kinds.size(); i++) {
            assertEquals(true, kinds.get(i - 1).ordinal() <= kinds.get(i).ordinal(), "paint order " + kinds);
        }
        assertEquals(7211, layers.get(1).start());
        assertEquals(7234, layers.get(1).end());
    }

    @Test
    void selectingASectionShowsOnlyItsWeakLayersAndMatchesSurviveReselection() {
        HexHighlights h = HexHighlights.of(Anomalies.none()).match(new Span(10, 2)).select(tree, tree.roots().get(4));
        assertNull(h.selected());
        assertEquals(List.of(HighlightKind.SECTION_HEADER, HighlightKind.SECTION_BODY, HighlightKind.MATCH),
                h.layers(0, 8000).stream().map(Highlight::kind).toList());
        assertEquals(List.of(), h.layers(100, 200).stream().filter(x -> x.kind() == HighlightKind.MATCH).toList());
    }

    @Test
    void intervalIndexAgreesWithABruteForceScan() {
        Random r = new Random(7);
        List<Highlight> hs = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long s = r.nextInt(100_000);
            hs.add(new Highlight(s, s + r.nextInt(i % 50 == 0 ? 20_000 : 40), HighlightKind.WARN, ""));
        }
        IntervalIndex idx = new IntervalIndex(hs);
        for (int q = 0; q < 300; q++) {
            long from = r.nextInt(100_000);
            long to = from + 1 + r.nextInt(512);
            List<Highlight> expected = hs.stream().filter(h -> h.overlaps(from, to))
                    .sorted(java.util.Comparator.comparingLong(Highlight::start)).toList();
            assertEquals(expected.size(), idx.overlapping(from, to).size(), "query " + from + ".." + to);
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(idx.overlapping(from, to)));
        }
    }
}
