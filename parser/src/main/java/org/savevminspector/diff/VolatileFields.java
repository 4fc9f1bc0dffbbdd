package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Span;

/**
 * The volatile set of {@code --ignore-volatile}: clocks, timer deadlines and traffic counters, which two saves of
 * the same idle guest never share. Each entry says what the field counts; the sources are the save functions the
 * decoders cite.
 */
public final class VolatileFields {
    private static final String TRAFFIC = "statistics counter: grows with every frame sent or received";

    /** Every entry, in the order the README lists them. */
    public static final List<VolatileField> ALL = List.of(
            new VolatileField("timer.cpu_clock_offset",
                    "vm_clock's offset from the host clock at the moment of saving (QT vl.c:timer_save)"),
            new VolatileField(List.of("mc146818rtc.cmos_data"), List.of(
                    Span.of(0x00, 1), Span.of(0x02, 1), Span.of(0x04, 1), Span.of(0x06, 4), Span.of(0x0C, 1),
                    Span.of(0x32, 1)),
                    "CMOS clock registers (seconds, minutes, hours, weekday, date, month, year, century) and "
                            + "register C's event flags; the other CMOS bytes (alarm, setup, checksum) are compared"),
            new VolatileField("mc146818rtc.tm", "the RTC's date and time: the wall clock qemu-dm started with "
                    + "(QT hw/mc146818rtc.c:rtc_save)"),
            new VolatileField("mc146818rtc.next_*_time",
                    "when the RTC's next periodic interrupt and next second update are due, in vm_clock ns"),
            new VolatileField("uhci.frnum", "frame number: counts 1 ms USB frames while the controller runs "
                    + "(QT hw/usb-uhci.c:uhci_frame_timer)"),
            new VolatileField("uhci.frame_timer", "when the next USB frame is due, in vm_clock ns"),
            new VolatileField("rtl8139.TCTR", "Timer Count Register: PCI clocks since the guest last wrote it"),
            new VolatileField("rtl8139.TCTR_base", "the vm_clock time TCTR counts from (QT hw/rtl8139.c)"),
            new VolatileField("rtl8139.tally.*", "tally counters (frames sent and received, errors): " + TRAFFIC),
            new VolatileField("pcnet.timer", "the vm_clock time, in 33 MHz ticks, the ring-poll counter counts "
                    + "from (QT hw/pcnet.c:pcnet_poll_timer)"),
            new VolatileField("pcnet.csr[46]", "CSR46, the ring-poll counter: counts down to the next poll"),
            new VolatileField("pcnet.poll_timer", "when the next descriptor-ring poll is due, in vm_clock ns"),
            new VolatileField(List.of("e1000.mac_reg.GPRC", "e1000.mac_reg.GPTC", "e1000.mac_reg.MPC",
                    "e1000.mac_reg.TORH", "e1000.mac_reg.TORL", "e1000.mac_reg.TOTH", "e1000.mac_reg.TOTL",
                    "e1000.mac_reg.TPR", "e1000.mac_reg.TPT"), List.of(),
                    "packet and octet counts, missed packets: " + TRAFFIC),
            new VolatileField(List.of("i8255*.statistics.*", "i8255*.statcounter"), List.of(),
                    "the statistical counters the driver dumps: " + TRAFFIC));

    private VolatileFields() {
    }
}
