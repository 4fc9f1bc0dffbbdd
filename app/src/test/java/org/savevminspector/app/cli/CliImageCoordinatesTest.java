package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.report.Sha256;

/**
 * Issue 18 point 10, one coordinate system inside images: the embedded stream's findings, the loader's account
 * and the repair's edits give file offsets first, in the usual hex-and-decimal form, the stream's offset in
 * parentheses; a repair reports the image it wrote. The XenServer 6.2 sample sits at offset 263221 (0x40435) of an
 * xl migration-v2 image.
 */
class CliImageCoordinatesTest {
    private static final long STREAM = 263221;

    @TempDir
    Path dir;

    private Path image(String name, byte[] qevm) throws Exception {
        return Files.write(dir.resolve(name), SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, qevm, 64));
    }

    @Test
    void theStreamsFindingsReadFileOffsetsWithTheStreamsInParentheses() throws Exception {
        Path f = image("sample.xl", Fixtures.sample());
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\n  error VERSION_LABEL_MISMATCH at 270451 (0x42073) +4, section #23 \"piix4acpi\": "
                + "'piix4acpi' is labelled version 2 but its body has the shape of version 1 (278 bytes, not 282): "
                + "XenServer 6.0–6.2 record at offset 270432 (0x42060; stream +0x1C2B)\n"), r.out());
        assertTrue(r.out().contains("\n  error LOADER_OVERRUN at 270733 (0x4218D) +4, section #23 \"piix4acpi\": "
                + "piix4acpi v2 reads the EOF marker at offset 270733 (0x4218D; stream +0x1D58) and 3 trailing byte(s) "
                + "after it: pm1a_evt_blk_address = 0x00000000\n"), r.out());
        assertTrue(r.out().contains("\n  warn  TRAILING_BYTES at 270734 (0x4218E) +7: 7 byte(s) after the EOF marker at "
                + "offset 270733 (0x4218D; stream +0x1D58)\n"), r.out());
        assertFalse(r.out().contains("stream offsets"), "no suffix: the offsets are the file's");

        JsonNode mismatch = null;
        for (JsonNode d : CliRun.of("inspect", f.toString(), "--format", "json").json().get("diagnostics")) {
            if (d.get("code").textValue().equals("VERSION_LABEL_MISMATCH")) {
                mismatch = d;
            }
        }
        assertEquals(270451, mismatch.get("offset").longValue());
        assertTrue(mismatch.get("explanation").textValue().contains("A loader that trusts the label reads 4 byte(s) "
                + "too many, from offset 270733 (0x4218D; stream +0x1D58), and then takes whatever follows as the next "
                + "section type."), mismatch.toString());
    }

    @Test
    void theLoadersAccountReadsFileOffsetsToo() throws Exception {
        CliRun image = CliRun.of("inspect", image("guest.xl", Fixtures.defaultGuest().bytes()).toString());
        assertTrue(image.out().contains("\nLoader (upstream): loaded, qemu_loadvm_state returns 0, stopped at 270746 "
                + "(0x4219A): EOF marker at offset 270745 (0x42199; stream +0x1D64)\n"), image.out());
        Path bare = Files.write(dir.resolve("guest.qevm"), Fixtures.defaultGuest().bytes());
        CliRun stream = CliRun.of("inspect", bare.toString());
        assertTrue(stream.out().contains("\nLoader (upstream): loaded, qemu_loadvm_state returns 0, stopped at 7525 "
                + "(0x1D65): EOF marker at offset 7524 (0x1D64)\n"), "a bare stream reads as before: " + stream.out());
    }

    @Test
    void repairOfAnImageListsItsEditsAtFileOffsets() throws Exception {
        Path f = image("sample.xl", Fixtures.sample());
        Path out = dir.resolve("fixed.xl");
        CliRun r = CliRun.of("repair", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\nEdits: 1\n  at 270451 (0x42073; stream +0x1C3E): [00 00 00 02] -> [00 00 00 01]  "
                + "relabel 'piix4acpi' version 2 → 1 to match its 278-byte body\nFixed: 3\n  error VERSION_LABEL_MISMATCH "
                + "at 270451 (0x42073) +4, section #23 \"piix4acpi\": 'piix4acpi' is labelled version 2 but its body has "
                + "the shape of version 1 (278 bytes, not 282): XenServer 6.0–6.2 record at offset 270432 (0x42060; "
                + "stream +0x1C2B)\n"), r.out());
        assertTrue(r.out().contains("\n  warn  TRAILING_BYTES at 270734 (0x4218E) +7: 7 byte(s) after the EOF marker at "
                + "offset 270733 (0x4218D; stream +0x1D58)\n"), r.out());
        assertTrue(r.out().endsWith("Result: written to " + out + " (" + Files.size(out) + " bytes; the QEVM stream in "
                + "it 7520 bytes)\n"), r.out());
        assertTrue(r.err().startsWith("savevm-inspector: xl-v2 image: QEVM stream at offset 263221 (0x40435) repaired "
                + "(edits above at file offsets, the stream's in parentheses); EMULATOR_CONTEXT body_length at offset "
                + "263209 (0x40429): "), r.err());
    }

    @Test
    void repairJsonOfAnImageSaysWhichOffsetsAreWhichAndDescribesTheImageWritten() throws Exception {
        Path f = image("sample.xl", Fixtures.sample());
        Path out = dir.resolve("fixed.xl");
        JsonNode root = CliRun.of("repair", f.toString(), "-o", out.toString(), "--format", "json").json();
        byte[] written = Files.readAllBytes(out);
        assertEquals(written.length, root.get("resultSize").longValue());
        assertEquals(270749, written.length);
        assertEquals(Sha256.of(written), root.get("resultSha256").textValue());
        assertEquals(STREAM, root.get("streamStart").longValue());
        JsonNode edit = root.at("/edits/0");
        assertEquals(270451, edit.get("offset").longValue());
        assertEquals(7230, edit.get("streamOffset").longValue());
        assertEquals(270451, root.at("/fixed/0/offset").longValue());
        assertEquals("'piix4acpi' is labelled version 2 but its body has the shape of version 1 (278 bytes, not 282): "
                + "XenServer 6.0–6.2 record at offset 270432 (0x42060; stream +0x1C2B)",
                root.at("/fixed/0/message").textValue());

        // a bare stream: its own offsets, nothing about a stream inside something, the stream written
        Path bare = Files.write(dir.resolve("sample.qevm"), Fixtures.sample());
        Path fixed = dir.resolve("fixed.qevm");
        JsonNode b = CliRun.of("repair", bare.toString(), "-o", fixed.toString(), "--format", "json").json();
        assertFalse(b.has("streamStart"));
        assertFalse(b.at("/edits/0").has("streamOffset"));
        assertEquals(7230, b.at("/edits/0/offset").longValue());
        assertEquals(7520, b.get("resultSize").longValue());
        assertEquals(Sha256.of(Files.readAllBytes(fixed)), b.get("resultSha256").textValue());
    }
}
