package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/** The JSON report lists the named checks and what each did, and shows whole-field descriptions as meanings. */
class ChecksJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode report(byte[] bytes) throws Exception {
        String json = new JsonReport(SampleInspections.TOOL).toJson(Inspector.standard().inspect(ByteSource.of(bytes)),
                FileInfo.of("f.sav", bytes), ByteSource.of(bytes));
        return MAPPER.readTree(json);
    }

    private static JsonNode check(JsonNode root, String id) {
        for (JsonNode c : root.get("checks")) {
            if (c.get("id").textValue().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }

    @Test
    void checksSayWhatRanAndWhatTheyFound() throws Exception {
        JsonNode clean = report(Fixtures.defaultGuest().bytes());
        assertEquals(10, clean.get("checks").size());
        JsonNode identity = check(clean, "pci-identity");
        assertTrue(identity.get("ran").booleanValue());
        assertEquals(8, identity.get("sections").intValue());
        assertEquals(0, identity.get("findings").intValue());
        assertEquals("PCI_IDENTITY_MISMATCH", identity.at("/codes/0").textValue());
        assertFalse(identity.get("title").textValue().isBlank());
        JsonNode vbe = check(clean, "vga-vbe");
        assertFalse(vbe.get("ran").booleanValue());
        assertEquals("vga", vbe.get("devices").textValue());

        JsonNode bad = report(DeviceFixtures.rtl8139WrongVendor());
        assertEquals(1, check(bad, "pci-identity").get("findings").intValue());
    }

    @Test
    void macAndRtcDateAppearAsMeanings() throws Exception {
        JsonNode root = report(Fixtures.defaultGuest().bytes());
        JsonNode rtl = null;
        JsonNode rtc = null;
        for (JsonNode s : root.get("sections")) {
            if (s.get("idstr").textValue().equals("rtl8139")) {
                rtl = s;
            } else if (s.get("idstr").textValue().equals("mc146818rtc")) {
                rtc = s;
            }
        }
        JsonNode phys = null;
        for (JsonNode f : rtl.get("fields")) {
            if (f.get("name").textValue().equals("phys")) {
                phys = f;
            }
        }
        assertEquals("00:16:3E:5A:1C:07 (Xen OUI 00:16:3E)", phys.get("meaning").textValue());
        assertTrue(rtc.at("/fields/0/meaning").textValue().startsWith("RTC 2026-11-25 "),
                rtc.at("/fields/0/meaning").textValue());
    }
}
