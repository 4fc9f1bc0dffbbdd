package org.savevminspector.devices.storage;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;

/**
 * {@code ide} v3 (§B.3.18, {@code QT hw/ide.c:pci_ide_save} and {@code ide_save}): PCI block of the PIIX3 IDE
 * function, the two bus-master channels, the two buses, then four drive blocks (hda, hdb, hdc, hdd) of 28 bytes,
 * or 540 when the drive's {@code identify_set} is non-zero and its 512 IDENTIFY bytes follow. Body 430 + 512·N.
 */
public final class IdeV3 extends DeviceLayoutBase {

    /** Size of the IDENTIFY data a drive block carries when {@code identify_set != 0}. */
    public static final int IDENTIFY_SIZE = 512;

    public IdeV3() {
        super("ide", 3, "QT hw/ide.c:pci_ide_save", Layout.of(
                PciBlock.element(),
                repeat("bmdma", 2, struct("bmdma",
                        u8("cmd").means(Meanings.bits().flag(0, "start").flag(3, "read from device")),
                        u8("status").means(Meanings.bits().flag(0, "active").flag(1, "error").flag(2, "interrupt")
                                .flag(5, "drive 0 DMA capable").flag(6, "drive 1 DMA capable")),
                        be32("addr"),
                        be64("sector_num"),
                        be32("nsector"),
                        u8("ifidx"))),
                repeat("bus", 2, struct("bus", u8("cmd"), u8("drive1_selected"))),
                repeat("drive", 4, drive())));
    }

    private static Element drive() {
        return struct("drive",
                be32("mult_sectors"),
                be32("identify_set").keep().means(Meanings.flag("0: no IDENTIFY data saved",
                        "IDENTIFY data (512 bytes) follows")),
                when(c -> c.get("identify_set") != 0, bytes("identify_data", IDENTIFY_SIZE)),
                u8("write_cache"),
                u8("feature"),
                u8("error"),
                be32("nsector"),
                u8("sector"),
                u8("lcyl"),
                u8("hcyl"),
                u8("hob_feature"),
                u8("hob_nsector"),
                u8("hob_sector"),
                u8("hob_lcyl"),
                u8("hob_hcyl"),
                u8("select"),
                u8("status"),
                u8("lba48"),
                u8("sense_key"),
                u8("asc"));
    }
}
