package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.io.ByteSource;

/** Issue 7 points 9 and 10 at the view-model level: data inspector readings, tree columns, repair scope. */
class ViewModelAdditionsTest {

    private static String value(List<DataInspector.Value> vs, String label) {
        return vs.stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void dataInspectorReadsFloatsBitsCharAndUnixTime() {
        // 40 49 0F DB = 3.1415927f (BE); 5F 5E 10 00 = 1600000000 s (BE) = 2020-09-13 12:26:40 UTC
        byte[] b = {0x40, 0x49, 0x0F, (byte) 0xDB, 0x5F, 0x5E, 0x10, 0x00};
        List<DataInspector.Value> at0 = DataInspector.at(ByteSource.of(b), 0);
        assertEquals("3.141593", value(at0, "f32 BE"));
        assertEquals("0100 0000", value(at0, "binary"));
        assertEquals("'@'", value(at0, "char"));
        List<DataInspector.Value> at4 = DataInspector.at(ByteSource.of(b), 4);
        assertEquals("2020-09-13 12:26:40 UTC", value(at4, "time32 BE"));
        assertEquals("—", value(at4, "f64 BE"), "fewer than 8 bytes left");
        assertEquals(Double.toString(Double.longBitsToDouble(0x40490FDB5F5E1000L)).substring(0, 6),
                value(at0, "f64 BE").substring(0, 6));
        assertEquals("NUL (\\0)", DataInspector.charText((byte) 0));
        assertEquals("'é' (Latin-1)", DataInspector.charText((byte) 0xE9));
        assertEquals("NaN", DataInspector.floatText(Float.NaN));
    }

    @Test
    void treeColumnsGiveTypeVersionAsTheCliAndAValueForEverySection() {
        StructureTree tree = new StructureTree(Samples.SAMPLE_INSPECTION);
        StructureNode acpi = tree.roots().get(24);
        assertEquals("piix4acpi", acpi.name());
        assertEquals("full", NodeColumns.type(tree, acpi));
        assertEquals("2≠1", NodeColumns.version(tree, acpi));
        assertEquals("labelled v2, body has the v1 shape (278 bytes)", NodeColumns.value(tree, acpi));
        assertEquals("be16", NodeColumns.type(tree, tree.nodeAt(7510)));
        for (StructureNode n : tree.roots()) {
            assertFalse(NodeColumns.value(tree, n).isEmpty(), n.name());
            assertFalse(NodeColumns.type(tree, n).isEmpty(), n.name());
        }
        StructureNode gpe = tree.roots().get(22);
        assertEquals("gpe", gpe.name());
        assertEquals("1", NodeColumns.version(tree, gpe));
    }

    @Test
    void repairScopeSaysWhyThereIsNothingToRepair() {
        assertNull(RepairScope.nothingToRepair(Samples.SAMPLE_INSPECTION, "s.qevm"));
        Inspection clean = Samples.inspect(Fixtures.defaultGuest().bytes());
        assertTrue(RepairScope.nothingToRepair(clean, "clean.qevm").startsWith("Nothing to repair in clean.qevm: "));
        Inspection bad = Samples.inspect(Fixtures.badMagic());
        String why = RepairScope.nothingToRepair(bad, "x.bin");
        assertTrue(why.contains("x.bin is not a savevm stream"), why);
        Inspection empty = Samples.inspect(Fixtures.empty());
        assertTrue(RepairScope.nothingToRepair(empty, "e.bin").contains("is not a savevm stream"));
        // trailing bytes alone are something to repair (--trim-trailing)
        assertNull(RepairScope.nothingToRepair(Samples.inspect(Fixtures.trailingBytes()), "t.qevm"));
    }
}
