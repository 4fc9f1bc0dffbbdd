package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.repair.ByteEdit;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.stream.ParseResult;

class RepairReportTest {
    private static final RepairReport REPORT = new RepairReport(SampleInspections.TOOL);

    private static RepairPlan plan() {
        Inspection before = SampleInspections.withProblems();
        byte[] result = SampleInspections.BYTES.clone();
        result[51] = 1;
        ParseResult afterParse = new ParseResult(result.length, SampleInspections.header(), List.of(), null,
                null, null, List.of(SampleInspections.trailing()));
        Inspection after = new Inspection(afterParse, null, List.of(SampleInspections.trailing()));
        ByteEdit edit = new ByteEdit(48, new byte[] {0, 0, 0, 2}, new byte[] {0, 0, 0, 1}, "relabel vga 2 -> 1");
        return new RepairPlan(RepairOptions.DEFAULT, List.of(edit), result, before, after,
                List.of(SampleInspections.mismatch()), List.of(SampleInspections.trailing()), List.of(), null);
    }

    @Test
    void textListsEditsFixedRemainingAndOutcome() {
        String text = REPORT.text(plan(), SampleInspections.FILE,
                new RepairReport.Outcome(RepairReport.Status.WRITTEN, "out.sav", null));
        assertTrue(text.contains("Strategy: relabel\n"), text);
        assertTrue(text.contains("  at 48 (0x0030): [00 00 00 02] -> [00 00 00 01]  relabel vga 2 -> 1"), text);
        assertTrue(text.contains("Fixed: 1\n  error VERSION_LABEL_MISMATCH at 35"), text);
        assertTrue(text.contains("Remaining: 1\n  warn  TRAILING_BYTES at 60"), text);
        assertTrue(text.contains("Introduced: none"), text);
        assertTrue(text.endsWith("Result: written to out.sav (62 bytes)\n"), text);
    }

    @Test
    void jsonCarriesTheSameContent() throws Exception {
        JsonNode root = new ObjectMapper().readTree(REPORT.json(plan(), SampleInspections.FILE,
                new RepairReport.Outcome(RepairReport.Status.REFUSED, "out.sav", "out.sav exists")));
        assertEquals(2, root.get("schemaVersion").intValue());
        assertEquals("sample.sav", root.at("/input/path").textValue());
        assertEquals("relabel", root.get("strategy").textValue());
        assertEquals("refused", root.get("status").textValue());
        assertEquals("out.sav exists", root.get("reason").textValue());
        assertTrue(root.get("resultSize").isNull());
        JsonNode e = root.at("/edits/0");
        assertEquals(48, e.get("offset").intValue());
        assertEquals("00000002", e.get("before").textValue());
        assertEquals("00000001", e.get("after").textValue());
        assertEquals(0, e.get("delta").intValue());
        assertEquals("VERSION_LABEL_MISMATCH", root.at("/fixed/0/code").textValue());
        assertEquals("TRAILING_BYTES", root.at("/remaining/0/code").textValue());
        assertEquals(0, root.get("introduced").size());
    }
}
