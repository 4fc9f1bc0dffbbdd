package org.savevminspector.devices.storage;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.blob;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code fdc} v2 (FORMAT.md B.3.23, {@code QT hw/fdc.c:fdc_save} / {@code fd_save}): controller registers, the sector
 * FIFO, then a drive count N (u8 at body 538) and N drive blocks of head, track, sector. Body 539 + 3·N; the
 * writer writes N = MAX_FD = 2 and {@code fdc_load} rejects N > 2.
 */
public final class FdcV2 extends DeviceLayoutBase {

    /** {@code MAX_FD} ({@code QT hw/fdc.h}). */
    public static final int MAX_FD = 2;

    public FdcV2() {
        super("fdc", 2, "QT hw/fdc.c:fdc_save", Layout.of(
                u8("sra"),
                u8("srb"),
                u8("dor").means(v -> "drive " + (v & 3) + (((v & 4) != 0) ? ", controller enabled" : ", in reset")
                        + (((v & 8) != 0) ? ", DMA" : "") + (((v >> 4) & 0xF) != 0 ? ", motors 0x" + Long.toHexString((v >> 4) & 0xF) + " on" : "")),
                u8("tdr"),
                u8("dsr"),
                u8("msr"),
                u8("status0"),
                u8("status1"),
                u8("status2"),
                blob("fifo", 512),
                be32("data_pos"),
                be32("data_len"),
                u8("data_state"),
                u8("data_dir"),
                u8("eot"),
                u8("timer0"),
                u8("timer1"),
                u8("precomp_trk"),
                u8("config"),
                u8("lock"),
                u8("pwrd"),
                u8("n_drives").keep().means(Meanings.count("drives", MAX_FD, false, "MAX_FD")),
                repeat("drive", "n_drives", struct("drive", u8("head"), u8("track"), u8("sect")))));
    }
}
