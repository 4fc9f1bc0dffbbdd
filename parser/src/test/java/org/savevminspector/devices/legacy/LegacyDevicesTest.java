package org.savevminspector.devices.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.savevminspector.devices.BodyBuilder.body;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.Decoded;

class LegacyDevicesTest {

    @Test
    void rtcIs197BytesWithTimersNotPending() {
        byte[] b = body().ramp(128, 0x00).u8(0x0C)
                .be32(30).be32(15).be32(9).be32(3).be32(25).be32(10).be32(126)
                .be64(-1).be64(0).be64(0x1234).be64(-1).be64(-1).build();
        assertEquals(197, b.length);
        Decoded d = Decoded.of(new Mc146818RtcV1(), b).coversWholeBody();
        d.span(0, 128, "cmos_data");
        d.at(128, 1, 0x0C, "cmos_index");
        assertEquals("2026-11-25 09:15:30 (Wednesday)", d.span(129, 28, "tm").meaningText());
        d.at(129, 4, 30, "tm", "tm_sec");
        d.at(133, 4, 15, "tm", "tm_min");
        d.at(137, 4, 9, "tm", "tm_hour");
        assertEquals("Wednesday", d.at(141, 4, 3, "tm", "tm_wday").meaningText());
        d.at(145, 4, 25, "tm", "tm_mday");
        assertEquals("month 11 (tm_mon counts from 0)", d.at(149, 4, 10, "tm", "tm_mon").meaningText());
        assertEquals("year 2026", d.at(153, 4, 126, "tm", "tm_year").meaningText());
        assertEquals("not pending", d.at(157, 8, -1, "periodic_timer").meaningText());
        d.at(165, 8, 0, "next_periodic_time");
        d.at(173, 8, 0x1234, "next_second_time");
        assertEquals("not pending", d.at(181, 8, -1, "second_timer").meaningText());
        assertEquals("not pending", d.at(189, 8, -1, "second_timer2").meaningText());
    }

    @Test
    void cmosClockRegistersAreShownAsADateInBcdOrBinary() {
        byte[] cmos = new byte[128];
        // 23:59:58 on 2026-12-04, BCD, 24-hour (register B bit 1), century at 0x32
        int[] clock = {0x58, 0, 0x59, 0, 0x23, 0, 0x05, 0x04, 0x12, 0x26};
        for (int i = 0; i < clock.length; i++) {
            cmos[i] = (byte) clock[i];
        }
        cmos[0x0A] = 0x26;
        cmos[0x0B] = 0x02;
        cmos[0x32] = 0x20;
        byte[] b = body().raw(cmos).u8(0).fill(28, 0).fill(40, 0xFF).build();
        Decoded d = Decoded.of(new Mc146818RtcV1(), b).coversWholeBody();
        assertEquals("RTC 2026-12-04 23:59:58, BCD, 24-hour; register A 0x26, B 0x02",
                d.span(0, 128, "cmos_data").meaningText());
        // binary mode, 12-hour clock with the PM bit: 11 PM is 23:00
        cmos[0x0B] = 0x04;
        cmos[0x00] = 7;
        cmos[0x02] = 5;
        cmos[0x04] = (byte) (0x80 | 11);
        cmos[0x07] = 1;
        cmos[0x08] = 2;
        cmos[0x09] = 3;
        cmos[0x32] = 20;
        b = body().raw(cmos).u8(0).fill(28, 0).fill(40, 0xFF).build();
        assertEquals("RTC 2003-02-01 23:05:07, binary, 12-hour; register A 0x26, B 0x04",
                Decoded.of(new Mc146818RtcV1(), b).get("cmos_data").meaningText());
        // an all-zero CMOS (never initialised) is no date
        b = body().fill(128, 0).u8(0).fill(28, 0).fill(40, 0xFF).build();
        assertEquals("RTC 0000-00-00 00:00:00 (not a valid date), BCD, 12-hour; register A 0x00, B 0x00",
                Decoded.of(new Mc146818RtcV1(), b).get("cmos_data").meaningText());
    }

    @Test
    void serialV2Is11Bytes() {
        byte[] b = body().be16(1).u8(0x41).u8(0x05).u8(0xC1).u8(0x03).u8(0x0B).u8(0x60).u8(0xB0).u8(0x7E).u8(0xC7).build();
        Decoded d = Decoded.of(new SerialV2(), b).coversWholeBody();
        assertEquals(11, d.measured());
        assertEquals("115200 baud", d.at(0, 2, 1, "divider").meaningText());
        assertEquals("RDI (data available), RLSI (line status)", d.get("ier").meaningText());
        assertEquals("no interrupt pending, FIFOs enabled", d.get("iir").meaningText());
        assertEquals("word length=8 bits, stop bits=1", d.get("lcr").meaningText());
        assertEquals("DTR, RTS, OUT2", d.get("mcr").meaningText());
        assertEquals("THRE, TEMT", d.get("lsr").meaningText());
        assertEquals("CTS, DSR, DCD", d.get("msr").meaningText());
        assertEquals("FIFO enabled, clear receive FIFO, clear transmit FIFO, receive trigger=14 bytes",
                d.get("fcr").meaningText());
        d.at(2, 1, 0x41, "rbr");
        d.at(3, 1, 0x05, "ier");
        d.at(4, 1, 0xC1, "iir");
        d.at(5, 1, 0x03, "lcr");
        d.at(6, 1, 0x0B, "mcr");
        d.at(7, 1, 0x60, "lsr");
        d.at(8, 1, 0xB0, "msr");
        d.at(9, 1, 0x7E, "scr");
        d.at(10, 1, 0xC7, "fcr");
    }

    @Test
    void serialV1Is9BytesWithAByteDivisor() {
        byte[] b = body().u8(12).u8(0x41).u8(0x05).u8(0xC1).u8(0x03).u8(0x0B).u8(0x60).u8(0xB0).u8(0x7E).build();
        Decoded d = Decoded.of(new SerialV1(), b).coversWholeBody();
        assertEquals(9, d.measured());
        d.at(0, 1, 12, "divider");
        d.at(1, 1, 0x41, "rbr");
        d.at(8, 1, 0x7E, "scr");
    }

    @Test
    void dmaIs75BytesWithFourChannels() {
        var b = body().u8(0x00).u8(0x0E).u8(1).be32(1);
        for (int ch = 0; ch < 4; ch++) {
            b.be32(0x1000 + ch).be32(0x2000 + ch).be16(0x300 + ch).be16(0x400 + ch)
                    .u8(0x40 + ch).u8(0x50 + ch).u8(0x60 + ch).u8(0x70 + ch).u8(ch & 1);
        }
        Decoded d = Decoded.of(new DmaV1(), b.build()).coversWholeBody();
        assertEquals(75, d.measured());
        d.at(0, 1, 0, "command");
        assertEquals("channel 1 masked, channel 2 masked, channel 3 masked", d.at(1, 1, 0x0E, "mask").meaningText());
        d.at(2, 1, 1, "flip_flop");
        assertEquals("16-bit controller", d.at(3, 4, 1, "dshift").meaningText());
        d.span(7, 68, "regs");
        d.at(7, 4, 0x1000, "regs", "regs[0]", "now", "now[0]");
        d.at(11, 4, 0x2000, "regs", "regs[0]", "now", "now[1]");
        d.at(15, 2, 0x300, "regs", "regs[0]", "base", "base[0]");
        d.at(17, 2, 0x400, "regs", "regs[0]", "base", "base[1]");
        d.at(19, 1, 0x40, "regs", "regs[0]", "mode");
        d.at(20, 1, 0x50, "regs", "regs[0]", "page");
        d.at(21, 1, 0x60, "regs", "regs[0]", "pageh");
        d.at(22, 1, 0x70, "regs", "regs[0]", "dack");
        d.at(23, 1, 0, "regs", "regs[0]", "eop");
        d.at(24, 4, 0x1001, "regs", "regs[1]", "now", "now[0]");
        d.at(58, 4, 0x1003, "regs", "regs[3]", "now", "now[0]");
        d.at(70, 1, 0x43, "regs", "regs[3]", "mode");
        d.at(74, 1, 1, "regs", "regs[3]", "eop");
    }
}
