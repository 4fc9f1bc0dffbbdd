package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.io.ByteSource;

class SmallModelsTest {

    @Test
    void offsetsParseAsHexOrDecimalAndAreCheckedAgainstTheSize() {
        assertEquals(7211, OffsetParser.parse("0x1C2B", 7520));
        assertEquals(7211, OffsetParser.parse(" 1c2bh ", 7520));
        assertEquals(7211, OffsetParser.parse("$1C2B", 7520));
        assertEquals(7211, OffsetParser.parse("7,211", 7520));
        assertEquals(0, OffsetParser.parse("0", 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("7520", 7520));
        assertTrue(e.getMessage().contains("outside the file"));
        assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("0xZZ", 7520));
        assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("", 7520));
        assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("-1", 7520));
        // relative to the cursor
        assertEquals(7227, OffsetParser.parse("+0x10", 7520, 7211));
        assertEquals(7195, OffsetParser.parse("-16", 7520, 7211));
        assertEquals(7212, OffsetParser.parse(" + 1 ", 7520, 7211));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("+400", 7520, 7211))
                .getMessage().contains("outside the file"));
        assertThrows(IllegalArgumentException.class, () -> OffsetParser.parse("+-3", 7520, 7211));
    }

    @Test
    void copyFormats() {
        byte[] b = {0x00, 0x1F, (byte) 0xAB};
        assertEquals("00 1F AB", CopyFormats.hex(b));
        assertEquals("b'\\x00\\x1f\\xab'", CopyFormats.pythonBytes(b));
        assertEquals("unsigned char data[3] = {\n    0x00, 0x1F, 0xAB\n};\n", CopyFormats.cArray(b, "data"));
        String thirteen = CopyFormats.cArray(new byte[13], "x");
        assertTrue(thirteen.contains("0x00,\n    0x00\n};"), thirteen);
    }

    @Test
    void searchPatterns() {
        assertEquals(List.of((byte) 0x1F, (byte) 0x40), toList(SearchPattern.parse("0x1f 40", SearchPattern.Mode.HEX).bytes()));
        assertEquals(List.of((byte) 0x1F, (byte) 0x40), toList(SearchPattern.parse("1F:40", SearchPattern.Mode.HEX).bytes()));
        assertEquals(9, SearchPattern.parse("piix4acpi", SearchPattern.Mode.TEXT).bytes().length);
        assertThrows(IllegalArgumentException.class, () -> SearchPattern.parse("1F4", SearchPattern.Mode.HEX));
        assertThrows(IllegalArgumentException.class, () -> SearchPattern.parse("xyz", SearchPattern.Mode.HEX));
        // Auto: hex when it looks like bytes, text otherwise
        assertEquals(SearchPattern.Mode.HEX, SearchPattern.detect("1F 40"));
        assertEquals(SearchPattern.Mode.HEX, SearchPattern.detect("00001f40"));
        assertEquals(SearchPattern.Mode.HEX, SearchPattern.detect("0xcafe"));
        assertEquals(SearchPattern.Mode.HEX, SearchPattern.detect("ca fe"));
        assertEquals(SearchPattern.Mode.TEXT, SearchPattern.detect("piix4acpi"));
        assertEquals(SearchPattern.Mode.TEXT, SearchPattern.detect("ACPI"));
        assertEquals(SearchPattern.Mode.TEXT, SearchPattern.detect("cafe"));
        assertEquals(SearchPattern.Mode.TEXT, SearchPattern.detect("1F4"));
        assertEquals("hex 1F 40", SearchPattern.parse("1f40", SearchPattern.Mode.AUTO).description());
        assertEquals("text \"piix4acpi\"", SearchPattern.parse("piix4acpi", SearchPattern.Mode.AUTO).description());
    }

    private static List<Byte> toList(byte[] b) {
        List<Byte> l = new java.util.ArrayList<>();
        for (byte x : b) {
            l.add(x);
        }
        return l;
    }

    @Test
    void finderFindsAcrossChunkBoundariesInBothDirectionsAndCanBeCancelled() {
        byte[] data = new byte[3 * ByteFinder.CHUNK + 100];
        new Random(3).nextBytes(data);
        byte[] pat = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x51, 0x7A};
        int at1 = ByteFinder.CHUNK - 3; // straddles the first chunk boundary
        int at2 = 2 * ByteFinder.CHUNK + 50;
        System.arraycopy(pat, 0, data, at1, pat.length);
        System.arraycopy(pat, 0, data, at2, pat.length);
        ByteSource src = ByteSource.of(data);
        AtomicLong last = new AtomicLong();
        assertEquals(at1, ByteFinder.find(src, pat, 0, true, null, null));
        assertEquals(at2, ByteFinder.find(src, pat, at1 + 1, true, null, null));
        assertEquals(-1, ByteFinder.find(src, pat, at2 + 1, true, (d, t) -> last.set(d), null));
        assertEquals(at2, ByteFinder.find(src, pat, data.length, false, null, null));
        assertEquals(at1, ByteFinder.find(src, pat, at2, false, null, null));
        assertEquals(-1, ByteFinder.find(src, pat, at1, false, null, null));
        assertTrue(last.get() > 0);
        assertThrows(CancellationException.class, () -> ByteFinder.find(src, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9},
                0, true, null, () -> true));
    }

    @Test
    void dataInspectorReadsBothByteOrdersSignedAndUnsigned() {
        ByteSource src = ByteSource.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x1F, 0x40, 0, 0, 0, 1, 9});
        List<DataInspector.Value> v = DataInspector.at(src, 0);
        assertEquals("255 (0xFF)", value(v, "u8"));
        assertEquals("-1 (0xFF)", value(v, "s8"));
        assertEquals("65534 (0xFFFE)", value(v, "u16 BE"));
        assertEquals("-2 (0xFFFE)", value(v, "s16 BE"));
        assertEquals("65279 (0xFEFF)", value(v, "u16 LE"));
        assertEquals("4294844224 (0xFFFE1F40)", value(v, "u32 BE"));
        assertEquals("-123072 (0xFFFE1F40)", value(v, "s32 BE"));
        assertEquals("18446215483494498305 (0xFFFE1F4000000001)", value(v, "u64 BE"));
        List<DataInspector.Value> end = DataInspector.at(src, 6);
        assertEquals("—", value(end, "u32 LE"));
        assertEquals("256 (0x0100)", value(end, "u16 LE"));
        assertEquals("u8 31 · u16 BE 8000 LE 16415 · u32 BE 524288000 LE 16415", DataInspector.summary(src, 2));
    }

    private static String value(List<DataInspector.Value> vs, String label) {
        return vs.stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void recentFilesKeepTenNewestFirstAndPruneMissingOnes(@TempDir Path dir) throws Exception {
        RecentFiles r = new RecentFiles(dir.resolve("cfg/recent-files"));
        for (int i = 0; i < 12; i++) {
            Path f = Files.writeString(dir.resolve("f" + i), "x");
            r.add(f);
        }
        r.add(dir.resolve("f5"));
        List<Path> list = new RecentFiles(dir.resolve("cfg/recent-files")).list();
        assertEquals(10, list.size());
        assertEquals(dir.resolve("f5").toAbsolutePath(), list.get(0));
        assertEquals(dir.resolve("f11").toAbsolutePath(), list.get(1));
        Files.delete(dir.resolve("f11"));
        List<Path> pruned = r.list();
        assertEquals(9, pruned.size());
        assertTrue(!pruned.contains(dir.resolve("f11").toAbsolutePath()));
        assertEquals(9, Files.readAllLines(dir.resolve("cfg/recent-files")).size());
    }

    @Test
    void detailOfAFieldShowsTypeOffsetRawBytesValueMeaningAndDiagnostics() {
        StructureTree tree = new StructureTree(Samples.SAMPLE_INSPECTION);
        ByteSource src = ByteSource.of(Samples.SAMPLE);
        List<DetailLine> pm1 = NodeDetail.of(tree, tree.nodeAt(7510), src, null).lines();
        String all = pm1.toString();
        assertTrue(all.contains("piix4acpi › pm1_control"), all);
        assertTrue(all.contains("be16"), all);
        assertTrue(all.contains("0x00001D56 (7510)"), all);
        assertTrue(all.contains("Raw bytes, text=00 01"), all);
        assertTrue(all.contains("pm1_control = 0x0001 → SCI_EN"), all);
        List<DetailLine> version = NodeDetail.of(tree, tree.nodeAt(7230), src, null).lines();
        assertTrue(version.stream().anyMatch(l -> l.label().equals("error VERSION_LABEL_MISMATCH")
                && l.style().equals("error")), version.toString());
        List<DetailLine> section = NodeDetail.of(tree, tree.roots().get(24), src, null).lines();
        assertTrue(section.toString().contains("version 1 (the label says 2)"), section.toString());
    }
}
