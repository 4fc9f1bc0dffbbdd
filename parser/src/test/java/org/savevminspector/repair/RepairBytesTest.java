package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/** The exact bytes every repair writes, and why, edit by edit. */
class RepairBytesTest {

    /** A device whose newer layout has a label that fills all four bytes, as eeprom93xx's 20061112 does. */
    static final class Short extends DeviceLayoutBase {
        Short() {
            super("gamma", 1, "test", Layout.of(Layout.be16("a")));
        }
    }

    static final class Dated extends DeviceLayoutBase {
        Dated() {
            super("gamma", 20061112, "test", Layout.of(Layout.be16("a"), Layout.be32("b")));
        }
    }

    private static RepairPlan plan(Inspector inspector, byte[] input, RepairStrategy strategy, boolean trim) {
        ByteSource src = ByteSource.of(input);
        return new Repairer(inspector).plan(src, inspector.inspect(src), new RepairOptions(strategy, trim));
    }

    @Test
    void aRelabelWritesAllFourBytesOfTheVersion() {
        Inspector inspector = new Inspector(new DeviceCatalog(List.of(new Short(), new Dated())));
        // labelled 1 (2 bytes, which would end on the impossible byte 07) with the 6-byte body of 20061112
        byte[] input = StreamBuilder.v3().full(0, "gamma", 0, 1, new byte[] {0, 1, 7, 0, 0, 0}).eof().build().bytes();
        RepairPlan p = plan(inspector, input, RepairStrategy.RELABEL, false);
        assertEquals(List.of("@23: [00 00 00 01] -> [01 32 1B B8] relabel 'gamma' version 1 → 20061112 to match its "
                + "6-byte body"), p.edits().stream().map(ByteEdit::toString).toList());
        byte[] expected = input.clone();
        System.arraycopy(new byte[] {0x01, 0x32, 0x1B, (byte) 0xB8}, 0, expected, 23, 4);
        assertArrayEquals(expected, p.result());
        assertFalse(p.after().has(DiagnosticCode.VERSION_LABEL_MISMATCH));
        assertEquals(20061112, p.after().sections().get(0).versionId());
        assertNull(p.refusal());
        // no upgrade is known for this device: nothing to do, nothing refused
        RepairPlan upgrade = plan(inspector, input, RepairStrategy.UPGRADE, false);
        assertEquals(List.of(), upgrade.edits());
        assertNull(upgrade.refusal());
        assertArrayEquals(input, upgrade.result());
    }

    @Test
    void everyEditOfTheSeedCaseSaysWhatItDoes() {
        Inspector inspector = Inspector.standard();
        RepairPlan relabel = plan(inspector, Fixtures.sample(), RepairStrategy.RELABEL, true);
        assertEquals(List.of("@7230: [00 00 00 02] -> [00 00 00 01] relabel 'piix4acpi' version 2 → 1 to match its "
                        + "278-byte body",
                "@7513: [00 00 00 00 00 00 00] -> [] remove 7 byte(s) after the EOF marker"),
                relabel.edits().stream().map(ByteEdit::toString).toList());
        RepairPlan upgrade = plan(inspector, Fixtures.sample(), RepairStrategy.UPGRADE, false);
        assertEquals(List.of("@7512: [] -> [00 00 1F 40] insert pm1a_evt_blk_address = 0x00001F40 (V0, where XenServer "
                + "6.0–6.2 kept PM1a) after pm1_control"), upgrade.edits().stream().map(ByteEdit::toString).toList());
        assertEquals(4, upgrade.edits().get(0).delta());
        assertEquals(-7, relabel.edits().get(1).delta());
        // trimming alone, on a file whose only problem is the padding
        byte[] padded = java.util.Arrays.copyOf(Fixtures.defaultGuest().bytes(), 7525 + 3);
        RepairPlan trim = plan(inspector, padded, RepairStrategy.RELABEL, true);
        assertEquals(List.of("@7525: [00 00 00] -> [] remove 3 byte(s) after the EOF marker"),
                trim.edits().stream().map(ByteEdit::toString).toList());
        assertArrayEquals(Fixtures.defaultGuest().bytes(), trim.result());
        assertEquals(List.of(DiagnosticCode.TRAILING_BYTES), trim.fixed().stream().map(d -> d.code()).toList());
        assertNull(trim.refusal());
        // without --trim-trailing the padding stays and nothing is planned
        assertEquals(List.of(), plan(inspector, padded, RepairStrategy.RELABEL, false).edits());
    }

    /** A source that says how long it is and refuses to be read. */
    private static ByteSource ofSize(long size) {
        return new ByteSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(long pos, byte[] dst, int off, int len) {
                throw new UnsupportedOperationException("read at " + pos);
            }
        };
    }

    @Test
    void repairsHoldTheCopyInMemoryUpTo256MiB() {
        Inspection any = Inspector.standard().inspect(ByteSource.of(Fixtures.defaultGuest().bytes()));
        RepairOptions options = new RepairOptions(RepairStrategy.RELABEL, false);
        RepairPlan refused = Repairer.standard().plan(ofSize((256L << 20) + 1), any, options);
        assertEquals("the file is 268435457 bytes; repairs work on savevm streams of at most 268435456 bytes (extract "
                + "the QEVM stream from its container first)", refused.refusal());
        assertEquals(List.of(), refused.edits());
        assertEquals(0, refused.result().length);
        // at the limit the file is read (here: the source refuses, so the read shows that it was attempted)
        assertThrows(UnsupportedOperationException.class,
                () -> Repairer.standard().plan(ofSize(256L << 20), any, options));
    }

    @Test
    void offsetsInsideAnEditMapToItsStartAndAfterItBackByItsGrowth() {
        List<ByteEdit> edits = List.of(new ByteEdit(10, new byte[] {1, 2}, new byte[] {3, 4, 5, 6}, "grow"));
        assertEquals(9, Repairer.originalOffset(edits, 9));
        assertEquals(10, Repairer.originalOffset(edits, 10));
        assertEquals(10, Repairer.originalOffset(edits, 13));
        assertEquals(12, Repairer.originalOffset(edits, 14));
    }

    @Test
    void strategiesAreNamedAsOnTheCommandLine() {
        assertEquals(RepairStrategy.TO_UPSTREAM, RepairStrategy.parse("To-Upstream"));
        assertEquals("to-xenserver", RepairStrategy.TO_XENSERVER.cliName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RepairStrategy.parse("fix"));
        assertEquals("unknown strategy 'fix' (expected relabel, upgrade, to-upstream or to-xenserver)", e.getMessage());
        assertEquals("Relabel piix4acpi 2 → 1: one byte changes, the length stays; upstream then reads the 278-byte "
                + "body and implies pm1a_evt_blk_address = 0x1F40 (V0), as XenServer's own qemu had it.",
                RepairStrategy.RELABEL.explanation());
    }
}
