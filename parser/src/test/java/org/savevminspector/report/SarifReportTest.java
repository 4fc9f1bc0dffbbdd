package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;

class SarifReportTest {

    @Test
    void resultsCarryByteRegionsAndRuleIndexes() throws Exception {
        String sarif = new SarifReport(SampleInspections.TOOL).toJson(SampleInspections.withProblems(),
                SampleInspections.FILE);
        JsonNode root = new ObjectMapper().readTree(sarif);
        assertEquals("2.1.0", root.get("version").textValue());
        assertTrue(root.get("$schema").textValue().contains("sarif-2.1.0"));
        JsonNode run = root.at("/runs/0");
        assertEquals("savevm-inspector", run.at("/tool/driver/name").textValue());
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(DiagnosticCode.values().length, rules.size());

        JsonNode results = run.get("results");
        assertEquals(2, results.size());
        JsonNode r0 = results.get(0);
        assertEquals("VERSION_LABEL_MISMATCH", r0.get("ruleId").textValue());
        assertEquals("error", r0.get("level").textValue());
        int ruleIndex = r0.get("ruleIndex").intValue();
        assertEquals("VERSION_LABEL_MISMATCH", rules.get(ruleIndex).get("id").textValue());
        JsonNode region = r0.at("/locations/0/physicalLocation/region");
        assertTrue(region.get("byteOffset").isIntegralNumber());
        assertEquals(35, region.get("byteOffset").intValue());
        assertEquals(24, region.get("byteLength").intValue());
        assertEquals("sample.sav", r0.at("/locations/0/physicalLocation/artifactLocation/uri").textValue());
        assertEquals("section 1 vga", r0.at("/locations/0/logicalLocations/0/name").textValue());
        assertEquals("warning", results.get(1).get("level").textValue());
        assertEquals(62, run.at("/artifacts/0/length").intValue());
        assertEquals(SampleInspections.FILE.sha256(), run.at("/artifacts/0/hashes/sha-256").textValue());
    }

    @Test
    void absolutePathsBecomeFileUris() {
        FileInfo f = new FileInfo("/tmp/a b.sav", 1, "00");
        assertEquals("file:///tmp/a%20b.sav", f.uri());
        assertEquals("dir/a%20b.sav", new FileInfo("dir/a b.sav", 1, "00").uri());
    }
}
