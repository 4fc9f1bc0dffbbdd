package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code dma} v1 (§B.3.21): one i8237 controller (instance 0 = 8-bit, 1 = 16-bit) with its four channels;
 * 75 bytes ({@code QT hw/dma.c:dma_save}).
 */
public final class DmaV1 extends DeviceLayoutBase {
    public DmaV1() {
        super("dma", 1, "QT hw/dma.c:dma_save", Layout.of(
                u8("command"),
                u8("mask").means(Meanings.bits().flag(0, "channel 0 masked").flag(1, "channel 1 masked")
                        .flag(2, "channel 2 masked").flag(3, "channel 3 masked")),
                u8("flip_flop"),
                be32("dshift").means(Meanings.enumOf(4, 0L, "8-bit controller", 1L, "16-bit controller")),
                repeat("regs", 4, struct("regs",
                        repeat("now", 2, be32("now")),
                        repeat("base", 2, be16("base")),
                        u8("mode"),
                        u8("page"),
                        u8("pageh"),
                        u8("dack"),
                        u8("eop")))));
    }
}
