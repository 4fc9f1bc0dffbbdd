package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * The RTC's three timers (FORMAT.md B.3.9): under {@code CONFIG_DM} {@code rtc_init} creates none, so
 * {@code qemu_put_timer} writes all ones ("not pending") for each. Another value was not written by an i386-dm
 * qemu-dm.
 */
public final class RtcTimersCheck extends CheckBase {
    private static final List<String> TIMERS = List.of("periodic_timer", "second_timer", "second_timer2");

    public RtcTimersCheck() {
        super("rtc-timers", "RTC timers not pending",
                "periodic_timer, second_timer and second_timer2 are all ones (not pending): qemu-dm creates no RTC "
                        + "timers under CONFIG_DM (QT hw/mc146818rtc.c:rtc_init, FORMAT.md B.3.9, FORMAT.md B.2.2).",
                List.of(DiagnosticCode.IMPOSSIBLE_COUNT), Set.of("mc146818rtc"));
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        for (String name : TIMERS) {
            Field t = SectionFields.find(s, name);
            if (t != null && t.value() != -1L) {
                out.add(Diagnostic.raise(DiagnosticCode.IMPOSSIBLE_COUNT, "rtc-timer", t.span().offset(), 8, s.index(),
                        name, Field.hex(t.value(), 8)));
            }
        }
    }
}
