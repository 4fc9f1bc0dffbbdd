package org.savevminspector.devices.audio;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code sb16} v1 (FORMAT.md B.3.22, {@code QT hw/sb16.c:SB_save}): 23 be32 DSP words, the CSP state (with
 * {@code csp_param} written twice), the DSP in/out buffers, 5 be32 DMA words and the mixer; 707 bytes.
 */
public final class Sb16V1 extends DeviceLayoutBase {
    public Sb16V1() {
        super("sb16", 1, "QT hw/sb16.c:SB_save", Layout.of(
                be32("irq"),
                be32("dma"),
                be32("hdma"),
                be32("port").means(v -> "I/O base 0x" + Long.toHexString(v)),
                be32("ver").means(v -> "DSP version " + (v >> 8) + "." + (v & 0xFF)),
                be32("in_index"),
                be32("out_data_len"),
                be32("fmt_stereo"),
                be32("fmt_signed"),
                be32("fmt_bits"),
                be32("fmt"),
                be32("dma_auto"),
                be32("block_size"),
                be32("fifo"),
                be32("freq"),
                be32("time_const"),
                be32("speaker").means(Meanings.flag("off", "on")),
                be32("needed_bytes"),
                be32("cmd"),
                be32("use_hdma"),
                be32("highspeed"),
                be32("can_write"),
                be32("v2x6"),
                u8("csp_param"),
                u8("csp_value"),
                u8("csp_mode"),
                u8("csp_param_again").means(v -> "csp_param written a second time by SB_save"),
                bytes("csp_regs", 256),
                u8("csp_index"),
                bytes("csp_reg83", 4),
                be32("csp_reg83r"),
                be32("csp_reg83w"),
                bytes("in2_data", 10),
                bytes("out_data", 50),
                u8("test_reg"),
                u8("last_read_byte"),
                be32("nzero"),
                be32("left_till_irq"),
                be32("dma_running"),
                be32("bytes_per_second"),
                be32("align"),
                be32("mixer_nreg"),
                bytes("mixer_regs", 256)));
    }
}
