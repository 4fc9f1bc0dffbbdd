package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/** The Help → Checks rows, without a screen. */
class ChecksDialogTest {

    @Test
    void withoutAFileEveryCheckIsListed() {
        List<ChecksDialog.Row> rows = ChecksDialog.rows(null);
        assertEquals(10, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.inThisFile().equals("no file open")));
    }

    @Test
    void withAFileEachRowSaysWhatTheCheckDid() {
        List<Section> sections = Inspector.standard().inspect(ByteSource.of(Fixtures.defaultGuest().bytes())).sections();
        List<ChecksDialog.Row> rows = ChecksDialog.rows(sections);
        ChecksDialog.Row identity = rows.stream().filter(r -> r.result().check().id().equals("pci-identity"))
                .findFirst().orElseThrow();
        assertEquals("8 sections, no finding", identity.inThisFile());
        ChecksDialog.Row vbe = rows.stream().filter(r -> r.result().check().id().equals("vga-vbe")).findFirst()
                .orElseThrow();
        assertEquals("did not apply", vbe.inThisFile());
        ChecksDialog.Row fdc = rows.stream().filter(r -> r.result().check().id().equals("fdc-drive-count"))
                .findFirst().orElseThrow();
        assertEquals("1 section, no finding", fdc.inThisFile());
    }
}
