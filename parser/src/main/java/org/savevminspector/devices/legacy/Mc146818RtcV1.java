package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code mc146818rtc} v1 (FORMAT.md B.3.9): CMOS RAM (shown with the RTC date its clock registers hold), index,
 * broken-down time (shown as a date) and the three timers, which under {@code CONFIG_DM} are never created and so
 * always read "not pending" ({@code QT hw/mc146818rtc.c:rtc_save}).
 */
public final class Mc146818RtcV1 extends DeviceLayoutBase {
    public Mc146818RtcV1() {
        super("mc146818rtc", 1, "QT hw/mc146818rtc.c:rtc_save", Layout.of(
                bytes("cmos_data", 128).shows(Views.CMOS_RTC),
                u8("cmos_index"),
                struct("tm",
                        be32("tm_sec"),
                        be32("tm_min"),
                        be32("tm_hour"),
                        be32("tm_wday").means(Meanings.enumOf(4, 0L, "Sunday", 1L, "Monday", 2L, "Tuesday",
                                3L, "Wednesday", 4L, "Thursday", 5L, "Friday", 6L, "Saturday")),
                        be32("tm_mday"),
                        be32("tm_mon").means(v -> v < 12 ? "month " + (v + 1) + " (tm_mon counts from 0)" : "invalid month"),
                        be32("tm_year").means(v -> "year " + (1900 + (int) v)))
                        .shows(Views::tmDate),
                be64("periodic_timer").means(Meanings.TIMER),
                be64("next_periodic_time"),
                be64("next_second_time"),
                be64("second_timer").means(Meanings.TIMER),
                be64("second_timer2").means(Meanings.TIMER)));
    }
}
