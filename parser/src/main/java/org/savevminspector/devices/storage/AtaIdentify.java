package org.savevminspector.devices.storage;

import static org.savevminspector.devices.layout.Layout.ataString;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.le16;
import static org.savevminspector.devices.layout.Layout.le32;
import static org.savevminspector.devices.layout.Layout.struct;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.model.Field;
import org.savevminspector.model.Meaning;

/**
 * The 512-byte IDENTIFY (PACKET) DEVICE data a drive block carries when {@code identify_set != 0}: 256
 * little-endian words as {@code QT hw/ide.c:ide_identify} / {@code ide_atapi_identify} fill them, with the words
 * qemu sets decoded (strings in ATA's swapped byte order) and the rest kept as raw runs. The group is described by
 * the drive's kind, model, serial, firmware and capacity.
 */
final class AtaIdentify {

    static final int SIZE = 512;

    private AtaIdentify() {
    }

    /** Word 0: bit 15 clear = ATA; bits 15–14 = 2 = ATAPI, bits 12–8 the device type (5 = CD/DVD). */
    static final Meaning GENERAL_CONFIG = v -> {
        if ((v & 0x8000) == 0) {
            return "ATA device" + ((v & 0x80) != 0 ? ", removable media" : "");
        }
        if ((v >> 14) == 2) {
            long type = (v >> 8) & 0x1F;
            return "ATAPI device, type " + type + (type == 5 ? " (CD/DVD)" : "")
                    + ((v & 0x80) != 0 ? ", removable media" : "");
        }
        return v == 0x848A ? "CompactFlash signature" : "reserved general configuration";
    };

    /** Word 49. */
    static final Meaning CAPABILITIES = Meanings.bits().flag(8, "DMA").flag(9, "LBA").flag(10, "IORDY may be disabled")
            .flag(11, "IORDY");

    /** Word 63: multiword DMA modes supported (bits 0–2) and selected (bits 8–10). */
    static final Meaning MULTIWORD_DMA = v -> dmaModes("MDMA", v, 3);

    /** Word 88: Ultra DMA modes supported (bits 0–7) and selected (bits 8–15). */
    static final Meaning ULTRA_DMA = v -> dmaModes("UDMA", v, 8);

    private static String dmaModes(String kind, long v, int n) {
        List<String> supported = new ArrayList<>();
        String selected = null;
        for (int i = 0; i < n; i++) {
            if ((v & (1L << i)) != 0) {
                supported.add(kind + i);
            }
            if ((v & (1L << (8 + i))) != 0) {
                selected = selected == null ? kind + i : selected + "+" + kind + i;
            }
        }
        String s = supported.isEmpty() ? "no " + kind + " modes supported" : "supports " + String.join(", ", supported);
        return s + (selected == null ? ", none selected" : ", selected " + selected);
    }

    static Element element() {
        return struct("identify_data",
                le16("general_config").means(GENERAL_CONFIG),
                le16("cylinders"),
                bytes("words_2", 2),
                le16("heads"),
                bytes("words_4_5", 4),
                le16("sectors_per_track"),
                bytes("words_7_9", 6),
                ataString("serial", 20),
                bytes("words_20_22", 6),
                ataString("firmware", 8),
                ataString("model", 40),
                bytes("words_47_48", 4),
                le16("capabilities").means(CAPABILITIES),
                bytes("words_50_52", 6),
                le16("field_validity").means(Meanings.bits().flag(0, "words 54-58 valid").flag(1, "words 64-70 valid")
                        .flag(2, "word 88 valid")),
                bytes("words_54_59", 12),
                le32("lba_sectors").means(v -> v == 0 ? "no LBA capacity" : v + " sectors (" + (v * 512 >> 20) + " MiB)"),
                bytes("words_62", 2),
                le16("multiword_dma").means(MULTIWORD_DMA),
                bytes("words_64_87", 48),
                le16("ultra_dma").means(ULTRA_DMA),
                bytes("words_89_99", 22),
                le32("lba48_sectors_low"),
                le32("lba48_sectors_high"),
                bytes("words_104_255", 304))
                .shows(AtaIdentify::describe);
    }

    /** "ATA disk "QEMU HARDDISK", serial QM00001, firmware 0.10.2, 16384 MiB". */
    static String describe(List<Field> words) {
        Field config = find(words, "general_config");
        Field model = find(words, "model");
        Field serial = find(words, "serial");
        Field firmware = find(words, "firmware");
        Field lba = find(words, "lba_sectors");
        if (config == null || model == null) {
            return null;
        }
        if (config.value() == 0 && model.text().isEmpty()) {
            return "empty: no IDENTIFY data although identify_set is non-zero";
        }
        String kind = (config.value() & 0x8000) == 0 ? "ATA disk" : "ATAPI device";
        StringBuilder sb = new StringBuilder(kind).append(" \"").append(model.text()).append('"');
        if (serial != null && !serial.text().isEmpty()) {
            sb.append(", serial ").append(serial.text());
        }
        if (firmware != null && !firmware.text().isEmpty()) {
            sb.append(", firmware ").append(firmware.text());
        }
        if (lba != null && lba.value() != 0) {
            sb.append(", ").append(lba.value() * 512 >> 20).append(" MiB");
        }
        return sb.toString();
    }

    private static Field find(List<Field> fields, String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
