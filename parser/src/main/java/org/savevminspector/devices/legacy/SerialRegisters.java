package org.savevminspector.devices.legacy;

import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.Map;
import org.savevminspector.devices.Meanings;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.model.Meaning;

/**
 * The 16550 registers after the divisor, common to every {@code serial} version (FORMAT.md B.3.12), with their bits named
 * as {@code QT hw/serial.c} defines them ({@code UART_IER_*}, {@code UART_IIR_*}, {@code UART_LCR_*} …).
 */
final class SerialRegisters {

    static final Meaning IER = Meanings.bits().flag(0, "RDI (data available)").flag(1, "THRI (transmitter empty)")
            .flag(2, "RLSI (line status)").flag(3, "MSI (modem status)");

    /** Interrupt identification: bit 0 set = none pending, bits 1–3 the source, bits 6–7 FIFOs enabled. */
    static final Meaning IIR = v -> {
        String src = (v & 1) != 0 ? "no interrupt pending" : switch ((int) (v & 0x0E)) {
            case 0x06 -> "line status interrupt";
            case 0x04 -> "received data interrupt";
            case 0x0C -> "character timeout interrupt";
            case 0x02 -> "transmitter empty interrupt";
            case 0x00 -> "modem status interrupt";
            default -> "reserved source " + (v & 0x0E);
        };
        return (v & 0xC0) == 0xC0 ? src + ", FIFOs enabled" : src;
    };

    static final Meaning LCR = Meanings.bits()
            .field(0, 2, "word length", Map.of(0L, "5 bits", 1L, "6 bits", 2L, "7 bits", 3L, "8 bits"))
            .field(2, 1, "stop bits", Map.of(0L, "1", 1L, "2 (1.5 for 5-bit words)"))
            .flag(3, "parity").flag(4, "even parity").flag(5, "stick parity").flag(6, "break")
            .flag(7, "DLAB (divisor latch access)");

    static final Meaning MCR = Meanings.bits().flag(0, "DTR").flag(1, "RTS").flag(2, "OUT1").flag(3, "OUT2")
            .flag(4, "loopback");

    static final Meaning LSR = Meanings.bits().flag(0, "DR (data ready)").flag(1, "OE").flag(2, "PE").flag(3, "FE")
            .flag(4, "BI").flag(5, "THRE").flag(6, "TEMT").flag(7, "FIFO error");

    static final Meaning MSR = Meanings.bits().flag(0, "DCTS").flag(1, "DDSR").flag(2, "TERI").flag(3, "DDCD")
            .flag(4, "CTS").flag(5, "DSR").flag(6, "RI").flag(7, "DCD");

    static final Meaning FCR = Meanings.bits().flag(0, "FIFO enabled").flag(1, "clear receive FIFO")
            .flag(2, "clear transmit FIFO").flag(3, "DMA mode 1")
            .field(6, 2, "receive trigger", Map.of(0L, "1 byte", 1L, "4 bytes", 2L, "8 bytes", 3L, "14 bytes"));

    private SerialRegisters() {
    }

    static Element rbrToScr() {
        return seq(u8("rbr"), u8("ier").means(IER), u8("iir").means(IIR), u8("lcr").means(LCR), u8("mcr").means(MCR),
                u8("lsr").means(LSR), u8("msr").means(MSR), u8("scr"));
    }
}
