package org.savevminspector.devices.storage;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.model.Meaning;

/**
 * {@code ide} v3 (FORMAT.md B.3.18, {@code QT hw/ide.c:pci_ide_save} and {@code ide_save}): PCI block of the PIIX3 IDE
 * function, the two bus-master channels, the two buses, then four drive blocks (hda, hdb, hdc, hdd) of 28 bytes,
 * or 540 when the drive's {@code identify_set} is non-zero and its 512 IDENTIFY bytes follow. Body 430 + 512·N.
 */
public final class IdeV3 extends DeviceLayoutBase {

    /** Size of the IDENTIFY data a drive block carries when {@code identify_set != 0}. */
    public static final int IDENTIFY_SIZE = 512;

    /** ATA status register ({@code QT hw/ide.c}: {@code BUSY_STAT} … {@code ERR_STAT}). */
    public static final Meaning STATUS = Meanings.bits().flag(7, "BSY").flag(6, "DRDY").flag(5, "DF").flag(4, "DSC")
            .flag(3, "DRQ").flag(2, "CORR").flag(1, "IDX").flag(0, "ERR");

    /** ATA error register. */
    private static final Meaning ERROR = Meanings.bits().flag(7, "BBK/ICRC").flag(6, "UNC").flag(5, "MC").flag(4, "IDNF")
            .flag(3, "MCR").flag(2, "ABRT").flag(1, "TK0NF").flag(0, "AMNF");

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
                repeat("bus", 2, struct("bus",
                        u8("cmd").means(Meanings.bits().flag(1, "nIEN (interrupts disabled)").flag(2, "SRST (soft reset)")
                                .flag(7, "HOB")),
                        u8("drive1_selected").means(Meanings.flag("drive 0 (master) selected", "drive 1 (slave) selected")))),
                repeat("drive", 4, drive())));
    }

    private static Element drive() {
        return struct("drive",
                be32("mult_sectors"),
                be32("identify_set").keep().means(v -> v == 0 ? "0: no IDENTIFY data saved" : v == 1 ? "IDENTIFY data (512 bytes) follows" : "IDENTIFY data (512 bytes) follows; qemu-dm writes 1, not " + v),
                when(c -> c.get("identify_set") != 0, AtaIdentify.element()),
                u8("write_cache"),
                u8("feature"),
                u8("error").means(ERROR),
                be32("nsector"),
                u8("sector"),
                u8("lcyl"),
                u8("hcyl"),
                u8("hob_feature"),
                u8("hob_nsector"),
                u8("hob_sector"),
                u8("hob_lcyl"),
                u8("hob_hcyl"),
                u8("select").means(Meanings.bits().flag(4, "drive 1").flag(6, "LBA").ignore(5, 1).ignore(7, 1)
                        .field(0, 4, "head/LBA 27:24")),
                u8("status").means(STATUS),
                u8("lba48"),
                u8("sense_key"),
                u8("asc"));
    }
}
