package org.savevminspector.app.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.Highlight;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.diff.DiffInput;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.diff.StructuralDiff;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/** A comparison without a window: its rows, stepping, linked selection and the bytes each side marks. */
class CompareSessionTest {
    /** The sample relabelled as {@code repair} writes it (piix4acpi 2 → 1, the padding kept). */
    private static final byte[] RELABELLED = Arrays.copyOf(Fixtures.piix4acpiRelabelled(), Fixtures.sample().length);

    private static Document document(String name, byte[] bytes) {
        Inspection in = Inspector.standard().inspect(ByteSource.of(bytes));
        return new Document(Path.of("/tmp", name), name, false, in, new StructureTree(in), Anomalies.of(in),
                ByteSource.of(bytes));
    }

    private static Comparison comparison(byte[] a, byte[] b, IgnoreRules rules) {
        Document da = document("a.qevm", a);
        Document db = document("b.qevm", b);
        DiffResult r = new StructuralDiff(rules).compare(
                new DiffInput("a.qevm", ByteSource.of(a), da.inspection(), null),
                new DiffInput("b.qevm", ByteSource.of(b), db.inspection(), null));
        return new Comparison(da, db, r);
    }

    private static CompareSession opened(byte[] a, byte[] b) {
        CompareSession s = new CompareSession();
        s.open(comparison(a, b, IgnoreRules.none()));
        return s;
    }

    private static List<String> rows(DiffOutline o, boolean differencesOnly) {
        List<String> out = new ArrayList<>();
        for (DiffRow top : o.top(differencesOnly)) {
            out.add(text(top));
            for (DiffRow c : o.children(top, differencesOnly)) {
                out.add("  " + text(c));
            }
        }
        return out;
    }

    private static String text(DiffRow r) {
        return String.join(" | ", DiffRow.statusText(r.status()), r.item(), r.a(), r.b(), r.difference());
    }

    /** What a side shows: its selected node's path and the selected bytes. */
    private static String shown(ViewSession s) {
        Selection sel = s.selection();
        return (sel.node() == null ? "-" : sel.node().path()) + " @" + sel.start() + "+" + sel.length();
    }

    @Test
    void theSampleAgainstItsRelabelIsOneChangedVersionLabel() {
        CompareSession s = opened(Fixtures.sample(), RELABELLED);
        DiffOutline o = s.outline();
        assertEquals(List.of(
                "changed | \"piix4acpi\" instance 0 | #23 at 0x1C2B · v2≠1 · body 278 | #23 at 0x1C2B · v1 · body 278 "
                        + "| 1 field differs",
                "  changed | header › version_id | 0x00000002 | 0x00000001 | "), rows(o, true));
        List<String> all = rows(o, false);
        assertEquals(28, all.size());
        assertEquals("same | file header | 8 bytes at 0x0000 | 8 bytes at 0x0000 | ", all.get(0));
        assertEquals("same | \"ram\" part | #1 at 0x0019 · body 0 | #1 at 0x0019 · body 0 | ", all.get(2));
        assertEquals("same | \"mc146818rtc\" instance 112 | #8 at 0x0A24 · v1 · body 197 | #8 at 0x0A24 · v1 · body 197 | ",
                all.get(9));
        assertEquals(List.of("same | EOF marker | 1 byte at 0x1D58 | 1 byte at 0x1D58 | ",
                "same | trailing bytes | 7 bytes at 0x1D59 | 7 bytes at 0x1D59 | "), all.subList(26, 28));
        assertEquals("Sections: 23 same, 1 changed, 0 only in a, 0 only in b · loader (upstream): a aborted, "
                + "b loaded (result 0)", CompareText.summary(o.result()));
        // both sides mark the version label's four bytes, fill and edge
        for (boolean first : new boolean[] {true, false}) {
            assertEquals(List.of("DIFFERS 7230-7234", "DIFFERS_EDGE 7230-7234"), layers(DiffBytes.of(o.result(), first).all()));
        }
    }

    private static List<String> layers(List<Highlight> hs) {
        return hs.stream().map(h -> h.kind() + " " + h.start() + "-" + h.end()).toList();
    }

    @Test
    void steppingGoesThroughTheDifferencesInListOrderAndSaysWhenItWraps() {
        // the upgrade adds pm1a_evt_blk_address (only in b) and has no trailing padding (only in a)
        byte[] upgraded = Fixtures.piix4acpiUpgraded();
        CompareSession s = opened(Fixtures.sample(), upgraded);
        assertNull(s.current());
        assertEquals("Difference 1 of 2", s.next());
        assertEquals("pm1a_evt_blk_address", s.current().item());
        // a has no such field: it shows the section the field belongs to; b the field's four bytes
        assertEquals("piix4acpi @7211+301", shown(s.a()));
        assertEquals("piix4acpi › pm1a_evt_blk_address @7512+4", shown(s.b()));
        assertEquals("Difference 2 of 2", s.next());
        assertEquals("trailing bytes", s.current().item());
        // b has no trailing bytes: its stream ends at its EOF marker
        assertEquals("trailing bytes @7513+7", shown(s.a()));
        assertEquals("EOF marker @7516+1", shown(s.b()));
        assertEquals("Difference 1 of 2 — wrapped round to the first difference", s.next());
        assertEquals("Difference 2 of 2 — wrapped round to the last difference", s.previous());
        assertEquals("Difference 1 of 2", s.previous());
        assertEquals(List.of(
                "DIFFERS 7513-7520", "DIFFERS_EDGE 7513-7520"), layers(DiffBytes.of(s.outline().result(), true).all()));
        assertEquals(List.of(
                "DIFFERS 7512-7516", "DIFFERS_EDGE 7512-7516"), layers(DiffBytes.of(s.outline().result(), false).all()));

        CompareSession same = opened(Fixtures.sample(), Fixtures.sample());
        assertEquals(CompareSession.NO_DIFFERENCES, same.next());
        assertEquals(List.of(), rows(same.outline(), true));
        assertNull(same.current());
    }

    @Test
    void aSelectionOnOneSideSelectsTheSameFieldOnTheOtherAndMakesItsRowCurrent() {
        CompareSession s = opened(Fixtures.sample(), RELABELLED);
        Document a = s.a().document();
        // a click on a field of an identical section: the same path on the other side
        s.a().selectNode(pathOf(a, "serial", "lsr"));
        assertEquals("serial › lsr @3187+1", shown(s.a()));
        assertEquals(shown(s.a()), shown(s.b()));
        assertEquals("\"serial\" instance 1016", s.current().item());
        // a click on b's version label: a follows, the row of that field is current
        s.b().selectBytes(7231, 1, 7231);
        assertEquals("piix4acpi › header › version_id @7230+4", shown(s.a()));
        assertEquals("header › version_id", s.current().item());
        // a section row and the section header node have their partners too
        s.a().selectNode(pathOf(a, "gpe", null));
        assertEquals("gpe @7032+26", shown(s.b()));
        // unlinked: the other side stays, the current row still follows
        s.linkedProperty().set(false);
        s.a().selectNode(pathOf(a, "serial", "lsr"));
        assertEquals("gpe @7032+26", shown(s.b()));
        assertEquals("\"serial\" instance 1016", s.current().item());
    }

    @Test
    void aFieldOrSectionOnlyOneSideHasIsShownWhereItWouldBeOnTheOther() {
        CompareSession s = opened(Fixtures.piix4acpiCase().bytes(), Fixtures.piix4acpiUpgraded());
        // b's pm1a_evt_blk_address has no partner in a: a shows the section it would be in
        s.b().selectNode(pathOf(s.b().document(), "piix4acpi", "pm1a_evt_blk_address"));
        assertEquals("piix4acpi @7211+301", shown(s.a()));
        assertEquals("pm1a_evt_blk_address", s.current().item());

        // a device only b has: a puts its caret where it would be, before the next section both have
        CompareSession u = opened(Fixtures.defaultGuest().bytes(), Fixtures.unknownDevice().bytes());
        assertEquals("Difference 1 of 1", u.next());
        assertEquals("\"xen-pvdevice\" instance 0", u.current().item());
        assertEquals("piix4acpi @7219+0", shown(u.a()));
        assertEquals(7219, u.a().caret());
        assertEquals("xen-pvdevice @7219+302", shown(u.b()));
    }

    @Test
    void aByteArrayMarksOnlyItsDifferingRangesAndItsRowSaysWhichTheyAre() {
        byte[] a = Fixtures.defaultGuest().bytes();
        Field palette = field(document("a", a), "cirrus_vga", "palette");
        byte[] b = a.clone();
        int at = (int) palette.span().offset();
        b[at + 0x10] ^= 0x3F;
        b[at + 0x11] ^= 0x3F;
        b[at + 0x20] ^= 0x01;
        CompareSession s = opened(a, b);
        assertEquals(List.of(
                "changed | \"cirrus_vga\" instance 0 | #7 at 0x02A5 · v3 · body 1895 | #7 at 0x02A5 · v3 · body 1895 "
                        + "| 1 field differs",
                "  changed | palette | 768 bytes → 744 of 768 bytes non-zero (96.9%), entropy 5.96 bits/byte "
                        + "| 768 bytes → 745 of 768 bytes non-zero (97.0%), entropy 5.96 bits/byte "
                        + "| 3 of 768 bytes differ: +0x10 (2), +0x20 (1)"),
                rows(s.outline(), true));
        assertEquals(List.of("DIFFERS " + (at + 0x10) + "-" + (at + 0x12), "DIFFERS_EDGE " + (at + 0x10) + "-" + (at + 0x12),
                "DIFFERS " + (at + 0x20) + "-" + (at + 0x21), "DIFFERS_EDGE " + (at + 0x20) + "-" + (at + 0x21)),
                layers(DiffBytes.of(s.outline().result(), false).all()));
        s.next();
        assertEquals("cirrus_vga › palette @" + at + "+768", shown(s.a()));
        assertEquals(shown(s.a()), shown(s.b()));
    }

    @Test
    void comparingAgainWithOtherRulesKeepsTheFilesAndReplacesTheRows() {
        Comparison c = comparison(Fixtures.sample(), RELABELLED, IgnoreRules.none());
        CompareSession s = new CompareSession();
        s.open(c);
        s.next();
        DiffResult ignored = new StructuralDiff(IgnoreRules.of(List.of("piix4acpi.header.*"), false)).compare(
                new DiffInput("a", ByteSource.of(Fixtures.sample()), c.a().inspection(), null),
                new DiffInput("b", ByteSource.of(RELABELLED), c.b().inspection(), null));
        s.showResult(ignored);
        assertSame(c.a(), s.a().document());
        assertNull(s.current());
        assertEquals(List.of(), rows(s.outline(), true));
        assertEquals(CompareSession.NO_DIFFERENCES, s.next());
    }

    /** The path to {@code field} (a top-level field name; null: the section itself) of section {@code idstr}. */
    private static List<StructureNode> pathOf(Document d, String idstr, String field) {
        StructureTree t = d.tree();
        for (StructureNode n : t.roots()) {
            if (n.name().equals(idstr)) {
                if (field == null) {
                    return List.of(n);
                }
                for (StructureNode c : t.children(n)) {
                    if (c.name().equals(field)) {
                        return List.of(n, c);
                    }
                }
            }
        }
        throw new AssertionError("no " + idstr + " › " + field);
    }

    private static Field field(Document d, String idstr, String name) {
        for (Section s : d.inspection().sections()) {
            if (s.idstr().equals(idstr)) {
                for (Field f : s.fields()) {
                    if (f.name().equals(name)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("no " + idstr + "." + name);
    }
}
