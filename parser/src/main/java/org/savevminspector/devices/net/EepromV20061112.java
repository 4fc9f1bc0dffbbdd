package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Layout;

/**
 * {@code eeprom} version 20061112 (FORMAT.md B.3.17, {@code QT hw/eeprom93xx.c:eeprom_save}): the 93Cxx serial EEPROM of
 * the Intel 8255x NICs, registered before the NIC itself. The first 10 bytes are the host C structure written raw
 * (nine u8 members and one padding byte before the u16 {@code data} on x86), then {@code be16 data} and
 * {@code size} be16 words of contents; {@code eeprom_load} rejects a body whose {@code size} differs from its own
 * (64 words for eepro100: 140 bytes).
 */
public final class EepromV20061112 extends DeviceLayoutBase {

    /** {@code eeprom_version}, the date the format was fixed. */
    public static final int VERSION = 20061112;

    public EepromV20061112() {
        super("eeprom", VERSION, "QT hw/eeprom93xx.c:eeprom_save", Layout.of(
                u8("tick"),
                u8("address"),
                u8("command"),
                u8("writeable").means(Meanings.flag("write-protected", "writes enabled")),
                u8("eecs"),
                u8("eesk"),
                u8("eedo"),
                u8("addrbits"),
                u8("size").keep().means(v -> v + " words" + (v == 64 ? " (eepro100's EEPROM_SIZE)" : "")),
                u8("padding").means(v -> "structure padding before the u16 data member (x86 ABI)"),
                be16("data"),
                repeat("contents", "size", be16("contents"))));
    }
}
