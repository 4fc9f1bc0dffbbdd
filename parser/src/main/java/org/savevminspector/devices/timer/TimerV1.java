package org.savevminspector.devices.timer;

import static org.savevminspector.devices.layout.Layout.sbe64;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code timer} v1 (FORMAT.md B.3.1): under {@code CONFIG_DM} {@code timer_load} reads the same single vm_clock offset for
 * versions 1 and 2 ({@code QT vl.c:timer_load}); 8 bytes.
 */
public final class TimerV1 extends DeviceLayoutBase {
    public TimerV1() {
        super("timer", 1, "QT vl.c:timer_load (CONFIG_DM, version 1)", Layout.of(sbe64("cpu_clock_offset")));
    }
}
