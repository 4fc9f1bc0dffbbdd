package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code mc146818rtc} v1 (§B.3.9): CMOS RAM, index, broken-down time and the three timers, which under
 * {@code CONFIG_DM} are never created and so always read "not pending" ({@code QT hw/mc146818rtc.c:rtc_save}).
 */
public final class Mc146818RtcV1 extends DeviceLayoutBase {
    public Mc146818RtcV1() {
        super("mc146818rtc", 1, "QT hw/mc146818rtc.c:rtc_save", Layout.of(
                bytes("cmos_data", 128),
                u8("cmos_index"),
                be32("tm_sec"),
                be32("tm_min"),
                be32("tm_hour"),
                be32("tm_wday"),
                be32("tm_mday"),
                be32("tm_mon"),
                be32("tm_year").means(v -> "year " + (1900 + (int) v)),
                be64("periodic_timer").means(Meanings.TIMER),
                be64("next_periodic_time"),
                be64("next_second_time"),
                be64("second_timer").means(Meanings.TIMER),
                be64("second_timer2").means(Meanings.TIMER)));
    }
}
