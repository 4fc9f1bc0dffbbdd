package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;

class AnomaliesTest {

    private static Highlight only(Anomalies a, HighlightKind kind) {
        List<Highlight> hs = a.highlights().all().stream().filter(h -> h.kind() == kind).toList();
        assertEquals(1, hs.size(), kind + ": " + hs);
        return hs.get(0);
    }

    @Test
    void sampleShowsMismatchMissingFieldTrailingAndTheVersionLabelAsError() {
        Anomalies a = Anomalies.of(Samples.SAMPLE_INSPECTION);
        Highlight section = only(a, HighlightKind.ERROR_SECTION);
        assertEquals(7211, section.start());
        assertEquals(7512, section.end());
        Highlight missing = only(a, HighlightKind.MISSING_FIELD);
        assertEquals(7512, missing.start());
        assertTrue(missing.tooltip().contains("pm1a_evt_blk_address"), missing.tooltip());
        Highlight trailing = only(a, HighlightKind.TRAILING);
        assertEquals(7513, trailing.start());
        assertEquals(7520, trailing.end());
        assertTrue(a.highlights().all().stream().anyMatch(h -> h.kind() == HighlightKind.ERROR
                && h.start() == 7230 && h.end() == 7234), "version label bytes as error");
        assertEquals(0, a.ghostBytes(), "the sample's padding is read instead of bytes past the end");
    }

    @Test
    void withoutPaddingTheLoaderReadsPastTheEndAsGhostCellsAndSwallowsTheEofMarker() {
        byte[] bytes = Fixtures.piix4acpiCase().bytes();
        Anomalies a = Anomalies.of(Samples.inspect(bytes));
        assertEquals(3, a.ghostBytes());
        assertTrue(a.highlights().all().stream().anyMatch(h -> h.kind() == HighlightKind.OVERRUN
                && h.contains(bytes.length - 1)), "the EOF marker is over-read: " + a.highlights().all());
    }

    @Test
    void cleanDefaultFileHasNoErrorLayer() {
        Anomalies a = Anomalies.of(Samples.inspect(Fixtures.defaultGuest().bytes()));
        assertTrue(a.highlights().all().stream().noneMatch(h -> h.kind() == HighlightKind.ERROR
                || h.kind() == HighlightKind.ERROR_SECTION || h.kind() == HighlightKind.MISSING_FIELD));
        assertEquals(0, a.ghostBytes());
    }

    @Test
    void tooltipPrefersTheTopLayer() {
        Anomalies a = Anomalies.of(Samples.SAMPLE_INSPECTION);
        assertTrue(a.tooltipAt(7231).contains("labelled version 2"), a.tooltipAt(7231));
        assertTrue(a.tooltipAt(7519).contains("after the EOF marker"));
        assertEquals(null, a.tooltipAt(40));
    }
}
