package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfiles;

/** The hex pane's layer of the chosen loader's reads where they differ from the structure. */
class LoaderOverlayTest {

    private static List<Highlight> diff(byte[] bytes, String profile) {
        Inspection upstream = Samples.inspect(bytes);
        Inspection chosen = Inspector.standard().withLoader(upstream, ByteSource.of(bytes),
                LoaderProfiles.byName(profile));
        return Anomalies.of(chosen).highlights().all().stream()
                .filter(h -> h.kind() == HighlightKind.LOADER_DIFF).toList();
    }

    @Test
    void xenServer65LeavesTheLastFourBytesOfAnUpstreamV2RecordUnread() {
        byte[] bytes = Fixtures.write(Guest.DEFAULT.withXenServer(true)).bytes();
        List<Highlight> hs = diff(bytes, "xenserver-6.5+");
        assertEquals(1, hs.size(), hs.toString());
        assertEquals(bytes.length - 5, hs.get(0).start());
        assertEquals(bytes.length - 1, hs.get(0).end());
        assertTrue(hs.get(0).tooltip().startsWith("The xenserver-6.5+ loader: piix4acpi v2 reads 278 of the 282"),
                hs.get(0).tooltip());
    }

    @Test
    void xenServer62MarksItsOwnUnrestoredAcpiSection() {
        byte[] bytes = Fixtures.xenServer62().bytes();
        List<Highlight> hs = diff(bytes, "xenserver-6.0-6.2");
        assertEquals(1, hs.size(), hs.toString());
        assertEquals(7211 + 15, hs.get(0).start()); // the piix4acpi header, moved by UHCI's longer name
        assertEquals(7527, hs.get(0).end());
    }

    @Test
    void upstreamOnItsOwnFileDiffersNowhere() {
        assertEquals(List.of(), diff(Fixtures.defaultGuest().bytes(), "upstream"));
    }
}
