package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diff.DiffFixtures;
import org.savevminspector.diff.DiffInput;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.diff.StructuralDiff;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.fixtures.Stream;

/** The diff JSON (schema version 1), asserted exactly. */
class DiffJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(String nameA, byte[] a, String nameB, byte[] b, IgnoreRules rules, boolean all) {
        DiffInput ia = DiffFixtures.input(nameA, a);
        DiffInput ib = DiffFixtures.input(nameB, b);
        return DiffJson.of(new StructuralDiff(rules).compare(ia, ib), ia.source(), ib.source(), all);
    }

    @Test
    void theSampleAgainstItsUpgrade() {
        assertEquals("""
                {
                  "schemaVersion" : 1,
                  "a" : {
                    "path" : "sample.qevm",
                    "size" : 7520,
                    "format" : "qevm-v3"
                  },
                  "b" : {
                    "path" : "upgraded.qevm",
                    "size" : 7517,
                    "format" : "qevm-v3"
                  },
                  "summary" : {
                    "same" : 23,
                    "changed" : 1,
                    "onlyA" : 0,
                    "onlyB" : 0
                  },
                  "sections" : [
                    {
                      "idstr" : "piix4acpi",
                      "instanceId" : 0,
                      "status" : "changed",
                      "a" : {
                        "index" : 23,
                        "offset" : 7211,
                        "versionId" : 2,
                        "shapeVersion" : 1,
                        "bodyLength" : 278
                      },
                      "b" : {
                        "index" : 23,
                        "offset" : 7211,
                        "versionId" : 2,
                        "shapeVersion" : 2,
                        "bodyLength" : 282
                      },
                      "fields" : [
                        {
                          "path" : "pm1a_evt_blk_address",
                          "status" : "onlyB",
                          "a" : null,
                          "b" : {
                            "offset" : 7512,
                            "length" : 4,
                            "value" : 8000,
                            "display" : "0x00001F40 (8000) → V0 layout (PM1a_CNT at 0x1F44)"
                          }
                        }
                      ]
                    }
                  ],
                  "header" : {
                    "status" : "same",
                    "a" : {
                      "offset" : 0,
                      "length" : 8
                    },
                    "b" : {
                      "offset" : 0,
                      "length" : 8
                    },
                    "fields" : [ ]
                  },
                  "eof" : {
                    "status" : "same",
                    "a" : {
                      "offset" : 7512,
                      "length" : 1
                    },
                    "b" : {
                      "offset" : 7516,
                      "length" : 1
                    },
                    "fields" : [ ]
                  },
                  "trailing" : {
                    "status" : "onlyA",
                    "a" : {
                      "offset" : 7513,
                      "length" : 7
                    },
                    "b" : null,
                    "fields" : [ ]
                  },
                  "unparsed" : null,
                  "container" : null,
                  "loader" : {
                    "a" : {
                      "profile" : "upstream",
                      "outcome" : "aborted",
                      "verdict" : "rejected"
                    },
                    "b" : {
                      "profile" : "upstream",
                      "outcome" : "loaded",
                      "verdict" : "OK"
                    }
                  }
                }
                """, json("sample.qevm", Fixtures.sample(), "upgraded.qevm", Fixtures.piix4acpiUpgraded(),
                IgnoreRules.none(), false));
    }

    @Test
    void byteArraysCarryTheirHexAndTheDifferingRanges() throws Exception {
        Stream s = Fixtures.defaultGuest();
        byte[] later = Edit.of(s).bodyU8("mc146818rtc", 0x00, 0x59).bodyU8("mc146818rtc", 0x10, 0x44).bytes();
        JsonNode root = MAPPER.readTree(json("a", s.bytes(), "b", later, IgnoreRules.none(), false));
        JsonNode field = root.at("/sections/0/fields/0");
        assertEquals("cmos_data", field.get("path").textValue());
        assertEquals(2621, field.at("/a/offset").longValue());
        assertEquals(128, field.at("/a/length").longValue());
        String hexA = field.at("/a/value").textValue();
        String hexB = field.at("/b/value").textValue();
        assertEquals(256, hexA.length());
        assertEquals("37", hexA.substring(0, 2));
        assertEquals("59", hexB.substring(0, 2));
        assertEquals("44", hexB.substring(0x20, 0x22));
        assertEquals(hexA.substring(2, 0x20), hexB.substring(2, 0x20));
        assertEquals(MAPPER.readTree("""
                {"lengthA": 128, "lengthB": 128, "differingBytes": 2, "rangeCount": 2,
                 "ranges": [{"offset": 0, "length": 1}, {"offset": 16, "length": 1}]}"""), field.get("content"));
    }

    @Test
    void imagesCarryTheirContainerFacts() throws Exception {
        byte[] q = Fixtures.defaultGuest().bytes();
        JsonNode root = MAPPER.readTree(json("a.xl", SaveImageWriter.image(Kind.XL_V2, q, 4), "b.xs",
                SaveImageWriter.image(Kind.XENSERVER_LEGACY, q, 4), IgnoreRules.none(), true));
        assertEquals(24, root.get("sections").size(), "--all lists identical sections");
        assertEquals(MAPPER.readTree("""
                {"status": "changed", "facts": [
                  {"name": "kind", "status": "changed", "a": "xl-v2", "b": "xenserver-legacy"},
                  {"name": "records", "status": "changed", "a": 14, "b": 11},
                  {"name": "record types", "status": "changed",
                   "a": "xl-header, xl-config, libxl-header, libxl-record, libxc-header ×2, page-data, libxc-record ×4, libxl-record ×3",
                   "b": "signature, libxc-header, libxc-chunk, page-data, libxc-chunk ×5, hvm-tail, qemu-record"},
                  {"name": "page batches", "status": "same", "a": 1, "b": 1},
                  {"name": "pages", "status": "same", "a": 4, "b": 4},
                  {"name": "pages with data", "status": "same", "a": 4, "b": 4},
                  {"name": "pfn range", "status": "same", "a": "0–3", "b": "0–3"},
                  {"name": "page data bytes", "status": "same", "a": 16384, "b": 16384},
                  {"name": "device-model stream bytes", "status": "same", "a": 7525, "b": 7525}]}"""),
                root.get("container"));
        assertEquals(List.of("schemaVersion", "a", "b", "summary", "sections", "header", "eof", "trailing", "unparsed",
                "container", "loader"), names(root));
        assertEquals(List.of("path", "size", "format"), names(root.get("a")));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
