package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/** Globs, the idstrs they match, and the volatile set as data. */
class IgnoreRulesTest {

    /** The first section called {@code idstr} in the default guest or, failing that, in the XenServer 6.2 file. */
    private static Section section(String idstr) {
        for (byte[] f : List.of(Fixtures.defaultGuest().bytes(), Fixtures.xenServer62().bytes())) {
            for (Section s : Inspector.standard().inspect(ByteSource.of(f)).sections()) {
                if (idstr.equals(s.idstr())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(idstr);
    }

    @Test
    void starMatchesAnyCharactersAndEverythingElseIsLiteral() {
        assertTrue(Glob.of("timer.*").matches("timer.cpu_clock_offset"));
        assertTrue(Glob.of("*.pci.config.*").matches("rtl8139.pci.config.bar0"));
        assertTrue(Glob.of("ide.drive[?].mult_sectors").matches("ide.drive[1].mult_sectors"));
        assertTrue(Glob.of("rtl8139.pci.irq_state[0]").matches("rtl8139.pci.irq_state[0]"));
        assertFalse(Glob.of("rtl8139.pci.irq_state[0]").matches("rtl8139.pci.irq_state0"));
        assertFalse(Glob.of("timer").matches("timer.cpu_clock_offset"), "a glob matches the whole path");
        assertFalse(Glob.of("a.b").matches("aXb"), "a dot is a dot");
    }

    @Test
    void xenServersUhciNameAlsoAnswersToUpstreamsName() {
        IgnoreRules r = IgnoreRules.of(List.of("uhci.frnum"), false);
        Section xs = section("UHCI usb controller");
        assertTrue(r.ignores(xs, xs, "frnum"));
        assertTrue(IgnoreRules.of(List.of("UHCI usb controller.frnum"), false).ignores(xs, xs, "frnum"));
        assertFalse(r.ignores(xs, xs, "cmd"));
        assertTrue(IgnoreRules.of(List.of("uhci"), false).ignoresSection(null, xs));
    }

    @Test
    void volatileByteRangesMaskButDoNotIgnore() {
        IgnoreRules r = IgnoreRules.of(List.of(), true);
        Section rtc = section("mc146818rtc");
        assertFalse(r.ignores(rtc, rtc, "cmos_data"));
        assertEquals(List.of(Span.of(0, 1), Span.of(2, 1), Span.of(4, 1), Span.of(6, 4), Span.of(0x0C, 1),
                Span.of(0x32, 1)), r.masks(rtc, rtc, "cmos_data"));
        assertTrue(r.ignores(rtc, rtc, "tm"));
        assertTrue(r.ignores(rtc, rtc, "next_periodic_time"));
        assertFalse(r.ignores(rtc, rtc, "cmos_index"));
        assertTrue(IgnoreRules.none().isEmpty());
    }

    @Test
    void everyVolatileEntrySaysWhy() {
        for (VolatileField v : VolatileFields.ALL) {
            assertFalse(v.globs().isEmpty());
            assertTrue(v.why().length() > 20 && !v.why().contains("\n"), v.why());
        }
        assertEquals(14, VolatileFields.ALL.size());
    }
}
