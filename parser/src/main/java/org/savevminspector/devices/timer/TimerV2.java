package org.savevminspector.devices.timer;

import static org.savevminspector.devices.layout.Layout.sbe64;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code timer} v2 (FORMAT.md B.3.1). Under {@code CONFIG_DM} the save function writes only the vm_clock offset;
 * {@code cpu_ticks_offset} and {@code ticks_per_sec} of the non-Xen build are absent.
 */
public final class TimerV2 extends DeviceLayoutBase {
    public TimerV2() {
        super("timer", 2, "QT vl.c:timer_save", Layout.of(sbe64("cpu_clock_offset")));
    }
}
