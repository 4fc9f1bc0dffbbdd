package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.FileHeader;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
import org.savevminspector.model.Span;
import org.savevminspector.model.StreamFormat;
import org.savevminspector.stream.ParseResult;

class V2CompatReplayTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Section> sections = new ArrayList<>();

    private void be32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private void record(String idstr, long instance, long version, int recordLength, byte[] body) {
        long at = out.size();
        byte[] name = idstr.getBytes(StandardCharsets.ISO_8859_1);
        out.write(name.length);
        out.writeBytes(name);
        be32(instance);
        be32(version);
        be32(recordLength);
        long bodyAt = out.size();
        out.writeBytes(body);
        sections.add(new Section(sections.size(), SectionType.RECORD, -1, idstr, instance, version,
                new Span(at, bodyAt - at), new Span(bodyAt, body.length), false, -1, List.of(), List.of()));
    }

    private LoaderSimulator.Result simulate(long totalLength) {
        byte[] bytes = out.toByteArray();
        for (int i = 0; i < 8; i++) {
            bytes[8 + i] = (byte) (totalLength >>> (56 - 8 * i));
        }
        FileHeader header = new FileHeader(new Span(0, 16), 0x5145564DL, 2, StreamFormat.QEVM_V2, totalLength,
                List.of());
        ParseResult parse = new ParseResult(bytes.length, header, sections, null, null, null, List.of());
        return new LoaderSimulator(TestCatalog.catalog()).simulate(ByteSource.of(bytes), parse);
    }

    private void fileHeader() {
        be32(0x5145564DL);
        be32(2);
        be32(0);
        be32(0);
    }

    @Test
    void recordsAreDelimitedByTheirLengthAndUnknownDevicesSkipped() {
        fileHeader();
        record("timer", 0, 2, 8, new byte[8]);
        record("cpu", 0, 3, 5, new byte[5]);
        record("pckbd", 0, 2, 4, new byte[4]);
        LoaderSimulator.Result r = simulate(out.size() - 16);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertEquals(0, rep.result());
        assertEquals(out.size(), rep.stoppedAt());
        assertEquals(List.of("loaded", "skipped", "rejected"), rep.reads().stream().map(LoaderRead::status).toList());
        assertTrue(rep.reads().get(1).message().contains("not present in current VM"));
        assertEquals(2, rep.reads().get(2).section());
    }

    @Test
    void totalLengthBeyondTheDataHangs() {
        fileHeader();
        record("timer", 0, 2, 8, new byte[8]);
        LoaderSimulator.Result r = simulate(out.size());
        assertEquals(LoadOutcome.HANGS, r.report().outcome());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("never finishes")));
    }

    @Test
    void gpeRecordMovesPortsWithoutAGenericVersionTest() {
        fileHeader();
        byte[] gpe = new byte[17];
        gpe[11] = 0x1F;
        gpe[12] = 0x68;
        gpe[16] = 4;
        record("gpe", 0, 2, 17, gpe);
        record("piix4acpi", 0, 7, 0, new byte[0]);
        LoaderReport rep = simulate(out.size() - 16).report();
        assertEquals(LoadOutcome.LOADED, rep.outcome());
        assertTrue(rep.ports().stream().anyMatch(e -> e.action().equals("map") && e.start() == 0x1F68));
        assertEquals("rejected", rep.reads().get(1).status());
    }

    /**
     * ram_load reads nothing of its 6-byte record (the loop seeks over it by record_len); the timer's record has 4
     * bytes where timer_load reads 8, the last of the file: the reads past the end set the error flag, so the load
     * that reaches total_len returns -EIO.
     */
    @Test
    void aRecordReadPastTheEndOfTheDataSetsTheErrorFlag() {
        fileHeader();
        record("ram", 0, 3, 6, new byte[6]);
        record("timer", 0, 2, 4, new byte[4]);
        LoaderSimulator.Result r = simulate(out.size() - 16);
        LoaderReport rep = r.report();
        assertEquals(LoadOutcome.FAILED, rep.outcome());
        assertEquals(-5, rep.result());
        assertEquals(60, rep.stoppedAt());
        assertEquals(4, rep.overrunBytes());
        assertEquals("position 60 (0x3C) reached the end given by total_len (60 (0x3C)); the QEMUFile error flag is "
                + "set (a read went past the end of the data), so the result is -EIO", rep.message());
        assertEquals(List.of(new LoaderRead(0, "ram", 0, 3, 16, 32, 0, LoadStep.LOADED,
                "vl.c:ram_load reads 0 body bytes as version 3", List.of()), new LoaderRead(1, "timer", 0, 2, 38, 56, 8,
                LoadStep.LOADED, "vl.c:timer_load reads 8 body bytes as version 2", List.of())), rep.reads());
    }

    /** A record_len that seeks back before the record: the loop reads the same bytes forever, at that header. */
    @Test
    void aRecordLengthThatSeeksBackHangsAtItsHeader() {
        fileHeader();
        record("timer", 0, 2, 8, new byte[8]);
        record("timer", 0, 2, -40, new byte[8]);
        LoaderSimulator.Result r = simulate(out.size() - 16);
        assertEquals(LoadOutcome.HANGS, r.report().outcome());
        assertEquals("record at offset 42 (0x2A) has record_len -40: qemu_fseek goes back to 20 (0x14) and "
                + "qemu_loadvm_state_v2 reads the same bytes forever", r.report().message());
        assertEquals(1, r.diagnostics().size());
        assertEquals(42, r.diagnostics().get(0).offset());
        assertEquals(18, r.diagnostics().get(0).length(), "the record's header");
        assertEquals(1, r.diagnostics().get(0).section());
    }
}
