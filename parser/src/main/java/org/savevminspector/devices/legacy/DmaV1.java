package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.Map;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.model.Meaning;

/**
 * {@code dma} v1 (FORMAT.md B.3.21): one i8237 controller (instance 0 = 8-bit, 1 = 16-bit) with its four channels;
 * 75 bytes ({@code QT hw/dma.c:dma_save}).
 */
public final class DmaV1 extends DeviceLayoutBase {

    /**
     * The i8237 mode register of a channel: bits 0–1 the channel it was written for, 2–3 the transfer type, bit 4
     * auto-initialise, bit 5 address decrement, bits 6–7 the DMA mode.
     */
    static final Meaning MODE = Meanings.bits()
            .field(0, 2, "channel", Map.of(0L, "0", 1L, "1", 2L, "2", 3L, "3"))
            .field(2, 2, "transfer", Map.of(0L, "verify", 1L, "write to memory", 2L, "read from memory", 3L, "invalid"))
            .flag(4, "auto-init").flag(5, "address decrement")
            .field(6, 2, "mode", Map.of(0L, "demand", 1L, "single", 2L, "block", 3L, "cascade"));

    public DmaV1() {
        super("dma", 1, "QT hw/dma.c:dma_save", Layout.of(
                u8("command").means(Meanings.bits().flag(0, "memory-to-memory").flag(1, "channel 0 address hold")
                        .flag(2, "controller disabled").flag(3, "compressed timing").flag(4, "rotating priority")
                        .flag(5, "extended write").flag(6, "DREQ active low").flag(7, "DACK active high")),
                u8("mask").means(Meanings.bits().flag(0, "channel 0 masked").flag(1, "channel 1 masked")
                        .flag(2, "channel 2 masked").flag(3, "channel 3 masked")),
                u8("flip_flop"),
                be32("dshift").means(Meanings.enumOf(4, 0L, "8-bit controller", 1L, "16-bit controller")),
                repeat("regs", 4, struct("regs",
                        repeat("now", 2, be32("now")),
                        repeat("base", 2, be16("base")),
                        u8("mode").means(MODE),
                        u8("page"),
                        u8("pageh"),
                        u8("dack"),
                        u8("eop")))));
    }
}
