package org.savevminspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.BrokenLayout;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoadOutcome;

/**
 * A bug in a decoder must not take the analysis down: the failure becomes one INTERNAL_ERROR diagnostic at the
 * section where it happened, what came before stays, and the rest is shown unparsed. The bug is simulated by a
 * layout whose condition throws, as a layout with a wrong {@code keep()} would.
 */
class InternalErrorContainmentTest {

    static Inspector brokenInspector() {
        DeviceCatalog standard = DeviceCatalog.standard();
        List<DeviceLayout> layouts = new ArrayList<>();
        for (String idstr : standard.idstrs()) {
            // aliases (UHCI's XenServer idstr) list the same layout twice
            standard.versions(idstr).stream().filter(d -> !layouts.contains(d)).forEach(layouts::add);
        }
        layouts.add(new BrokenLayout());
        return new Inspector(new DeviceCatalog(layouts));
    }

    static byte[] streamWithBrokenSection() {
        byte[] timer = {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78};
        return StreamBuilder.v3().full(0, "timer", 0, 2, timer).full(1, "broken", 0, 1, new byte[] {1, 2})
                .eof().build().bytes();
    }

    @Test
    void aFailingLayoutIsOneDiagnosticAtItsSectionNotAnException() {
        byte[] b = streamWithBrokenSection();
        Inspection i = brokenInspector().inspect(ByteSource.of(b));
        long brokenHeader = 8 + 14 + 5 + 8;
        List<Diagnostic> internal = i.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR)
                .toList();
        assertEquals(1, internal.size(), i.diagnostics().toString());
        Diagnostic walk = internal.get(0);
        assertEquals(brokenHeader, walk.offset(), walk.toString());
        assertEquals(b.length - brokenHeader, walk.length());
        assertTrue(walk.message().startsWith("internal error while walking the sections at offset 35 (0x23) "
                + "(IllegalStateException: layout bug)"), walk.message());
        assertEquals("timer", i.sections().get(0).idstr(), "what came before is kept");
        assertEquals(1, i.sections().size());
        assertEquals(brokenHeader, i.parse().unparsed().offset());
        // upstream has no 'broken' device: the loader simulation, which reads no layout for it, is unaffected
        assertEquals(LoadOutcome.FAILED, i.loader().outcome());
    }
}
