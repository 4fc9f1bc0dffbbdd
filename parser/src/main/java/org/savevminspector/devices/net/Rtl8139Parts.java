package org.savevminspector.devices.net;

import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.be64;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.Views;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.model.Meaning;

/**
 * The pieces the {@code rtl8139} versions are assembled from (FORMAT.md B.3.13, {@code QT hw/rtl8139.c:rtl8139_save} and the
 * version tests in {@code rtl8139_load}): v1 = registers (282); v2 adds the timer and tally block (80); v3 puts
 * the PCI block in front; v4 appends {@code cplus_enabled}.
 */
final class Rtl8139Parts {

    /** Size of {@link #registers()}. */
    static final int REGISTERS_SIZE = 282;
    /** Size of {@link #timerAndTally()}. */
    static final int TALLY_SIZE = 80;

    /** ISR/IMR bits ({@code QT hw/rtl8139.c}: {@code ROK} … {@code SERR}). */
    private static final Meaning INTERRUPTS = Meanings.bits().flag(0, "ROK").flag(1, "RER").flag(2, "TOK")
            .flag(3, "TER").flag(4, "RxOverflow").flag(5, "PUN/LinkChg").flag(6, "RxFIFOOver").flag(13, "TxDescUnavail")
            .flag(14, "TimeOut").flag(15, "SERR");

    private Rtl8139Parts() {
    }

    /** From the MAC address to the EEPROM wire state (body offsets 276–557 in v3/v4). */
    static Element registers() {
        return seq(
                bytes("phys", 6).shows(Views.MAC),
                bytes("mult", 8),
                repeat("TxStatus", 4, be32("TxStatus")),
                repeat("TxAddr", 4, be32("TxAddr")),
                be32("RxBuf"),
                be32("RxBufferSize"),
                be32("RxBufPtr"),
                be32("RxBufAddr"),
                be16("IntrStatus").means(INTERRUPTS),
                be16("IntrMask").means(INTERRUPTS),
                be32("TxConfig"),
                be32("RxConfig"),
                be32("RxMissed"),
                be16("CSCR"),
                u8("Cfg9346"),
                u8("Config0"),
                u8("Config1"),
                u8("Config3"),
                u8("Config4"),
                u8("Config5"),
                u8("clock_enabled"),
                u8("bChipCmdState"),
                be16("MultiIntr"),
                be16("BasicModeCtrl"),
                be16("BasicModeStatus"),
                be16("NWayAdvert"),
                be16("NWayLPAR"),
                be16("NWayExpansion"),
                be16("CpCmd"),
                u8("TxThresh"),
                be32("unused"),
                bytes("macaddr", 6).shows(Views.MAC),
                be32("rtl8139_mmio_io_addr").means(v -> "host-side I/O index; meaningless in a file"),
                be32("currTxDesc"),
                be32("currCPlusRxDesc"),
                be32("currCPlusTxDesc"),
                be32("RxRingAddrLO"),
                be32("RxRingAddrHI"),
                repeat("eeprom.contents", 64, be16("eeprom.contents")),
                be32("eeprom.mode"),
                be32("eeprom.tick"),
                u8("eeprom.address"),
                be16("eeprom.input"),
                be16("eeprom.output"),
                u8("eeprom.eecs"),
                u8("eeprom.eesk"),
                u8("eeprom.eedi"),
                u8("eeprom.eedo"));
    }

    /** The timer and tally counters added by version 2 (body offsets 558–637 in v3/v4). */
    static Element timerAndTally() {
        return seq(
                be32("TCTR"),
                be32("TimerInt"),
                be64("TCTR_base"),
                be64("tally.TxOk"),
                be64("tally.RxOk"),
                be64("tally.TxERR"),
                be32("tally.RxERR"),
                be16("tally.MissPkt"),
                be16("tally.FAE"),
                be32("tally.Tx1Col"),
                be32("tally.TxMCol"),
                be64("tally.RxOkPhy"),
                be64("tally.RxOkBrd"),
                be32("tally.RxOkMul"),
                be16("tally.TxAbt"),
                be16("tally.TxUndrn"));
    }
}
