package org.savevminspector.devices.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.savevminspector.devices.layout.Layout.array;
import static org.savevminspector.devices.layout.Layout.be16;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FieldType;

class CursorAndRepeatTest {

    @Test
    void keptValuesAreTheLastOfEachNameAndGrowBeyondTheFirstFew() {
        Cursor c = new Cursor(ByteSource.of(new byte[0]), 0, 0);
        for (int i = 0; i < 10; i++) {
            c.keep("k" + i, i);
        }
        c.keep(new String("k3"), 33);
        assertEquals(33, c.get("k3"));
        assertEquals(9, c.get("k9"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.get("missing"));
        assertEquals("layout refers to field 'missing' before reading it (mark it keep())", e.getMessage());
    }

    @Test
    void longArraysNameEveryElementIncludingThosePastTheSharedNames() {
        byte[] data = new byte[2 * 70];
        data[2 * 69 + 1] = 7;
        List<Field> fields = Layout.of(array("regs", 70, FieldType.BE16)).decode(ByteSource.of(data), 0, data.length);
        Field regs = fields.get(0);
        assertEquals(70, regs.children().size());
        assertEquals("regs[0]", regs.children().get(0).name());
        assertEquals("regs[63]", regs.children().get(63).name());
        assertEquals("regs[64]", regs.children().get(64).name());
        Field last = regs.children().get(69);
        assertEquals("regs[69]", last.name());
        assertEquals(7, last.value());
        assertEquals(138, last.span().offset());
    }

    @Test
    void repeatedStructsBytesAndNestedRepeatsTakeTheElementName() {
        byte[] data = {1, 0, 2, 9, 9, 3, 0, 4, 9, 9, 5, 6, 7, 8};
        Layout layout = Layout.of(
                repeat("drive", 2, struct("drive", u8("head"), be16("track"), bytes("pad", 2))),
                repeat("row", 2, repeat("col", 2, u8("col"))));
        List<Field> fields = layout.decode(ByteSource.of(data), 0, data.length);
        Field drive1 = fields.get(0).children().get(1);
        assertEquals("drive[1]", drive1.name());
        assertEquals(FieldType.STRUCT, drive1.type());
        assertEquals("track", drive1.children().get(1).name());
        assertEquals(4, drive1.children().get(1).value());
        assertEquals("pad", drive1.children().get(2).name());
        Field row1 = fields.get(1).children().get(1);
        assertEquals("row[1]", row1.name());
        assertEquals(FieldType.ARRAY, row1.type());
        assertEquals("col[1]", row1.children().get(1).name());
        assertEquals(8, row1.children().get(1).value());
    }
}
