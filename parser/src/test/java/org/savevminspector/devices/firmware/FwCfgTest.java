package org.savevminspector.devices.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.savevminspector.devices.Decoded;

class FwCfgTest {
    @Test
    void fwCfgIsFourBytes() {
        Decoded d = Decoded.of(new FwCfgV1(), new byte[] {0x00, 0x19, 0x01, 0x02}).coversWholeBody();
        assertEquals(4, new FwCfgV1().layout().fixedSize());
        d.at(0, 2, 0x19, "cur_entry");
        d.at(2, 2, 0x0102, "cur_offset");
    }
}
