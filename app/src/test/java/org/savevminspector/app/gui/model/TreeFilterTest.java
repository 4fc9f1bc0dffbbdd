package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.GuestWriter;
import org.savevminspector.fixtures.Guest;

/** The tree's filter over the model: names, value texts, offsets; parents kept; narrowing; many sections. */
class TreeFilterTest {
    private static final StructureTree SAMPLE = new StructureTree(Samples.SAMPLE_INSPECTION);

    private static List<String> matches(TreeFilter.Result r) {
        return r.matches().stream().map(p -> p.get(p.size() - 1).path()).toList();
    }

    private static Set<String> kept(TreeFilter.Result r) {
        return r.kept().stream().map(StructureNode::path).collect(Collectors.toSet());
    }

    private static TreeFilter.Result run(String q) {
        return TreeFilter.run(SAMPLE, q, null, () -> false);
    }

    @Test
    void aNameOrIdstrMatchesItsNodesAndKeepsTheirParents() {
        TreeFilter.Result r = run("piix4acpi");
        assertEquals(List.of("piix4acpi", "piix4acpi › header › idstr"), matches(r));
        assertEquals(2, r.total());
        assertEquals(Set.of("piix4acpi", "piix4acpi › header", "piix4acpi › header › idstr"), kept(r));
        StructureNode acpi = SAMPLE.roots().get(24);
        assertTrue(r.matches(acpi) && r.keeps(acpi));
        StructureNode header = r.matches().get(1).get(1);
        assertTrue(r.keeps(header), "a parent of a match is kept");
        assertFalse(r.matches(header), "but does not match");
        assertFalse(r.keeps(SAMPLE.roots().get(23)), "gpe is not kept");
        assertFalse(r.truncated());
    }

    @Test
    void aValueTextMatchesIgnoringCaseAndFieldsOfUnexpandedSectionsAreFound() {
        assertEquals(List.of("piix4acpi › pm1_control"), matches(run("SCI_EN")));
        assertEquals(List.of("piix4acpi › pm1_control"), matches(run("sci_en")));
        assertEquals(Set.of("piix4acpi", "piix4acpi › pm1_control"), kept(run("sci_en")));
        assertEquals(List.of("gpe", "gpe › header › idstr", "gpe › gpe0_sts[0]", "gpe › gpe0_en[0]", "gpe › gpe0_sts[1]",
                "gpe › gpe0_en[1]", "gpe › gpe0_sts[2]", "gpe › gpe0_en[2]", "gpe › gpe0_sts[3]", "gpe › gpe0_en[3]"),
                matches(run("gpe")));
        assertEquals(22, run("version_id").total(), "one per section header");
        assertEquals(List.of("trailing bytes"), matches(run("trailing")));
    }

    @Test
    void anOffsetInAnyFormMatchesTheInnermostNodeHoldingIt() {
        for (String q : List.of("0x1C3E", "7230", "1C3Eh", " 0x1c3e ")) {
            TreeFilter.Result r = run(q);
            assertEquals(List.of("piix4acpi › header › version_id"), matches(r), q);
            assertEquals(Set.of("piix4acpi", "piix4acpi › header", "piix4acpi › header › version_id"), kept(r), q);
        }
        assertEquals(-1, TreeFilter.offsetIn(SAMPLE, "+16"), "relative offsets are not offsets of a node");
        assertEquals(-1, TreeFilter.offsetIn(SAMPLE, "0x1D60"), "past the end");
        assertEquals(7519, TreeFilter.offsetIn(SAMPLE, "0x1D5F"));
    }

    @Test
    void nothingMatchesANonsenseQueryAndAnEmptyQueryKeepsNothing() {
        TreeFilter.Result none = run("no such thing");
        assertEquals(0, none.total());
        assertTrue(none.matches().isEmpty() && none.kept().isEmpty());
        assertEquals(0, run("   ").total());
        assertEquals("", run("   ").query());
    }

    @Test
    void aLongerQueryIsSearchedAmongThePreviousMatchesOnly() {
        TreeFilter.Result gpe = run("gpe");
        // a search of the whole tree that is told to stop: proves the narrowed one never walks the tree
        TreeFilter.Result narrowed = TreeFilter.run(SAMPLE, "gpe0_en", gpe, () -> true);
        assertNotNull(narrowed, "narrowing does not walk the tree, so it is never cancelled");
        assertEquals(List.of("gpe › gpe0_en[0]", "gpe › gpe0_en[1]", "gpe › gpe0_en[2]", "gpe › gpe0_en[3]"),
                matches(narrowed));
        assertEquals(matches(run("gpe0_en")), matches(narrowed));
        // not an extension of the previous query, or an offset: the whole tree again
        assertEquals(List.of("piix4acpi › pm1_control"), matches(TreeFilter.run(SAMPLE, "SCI_EN", gpe, () -> false)));
        assertEquals(List.of("piix4acpi › header › version_id"), matches(TreeFilter.run(SAMPLE, "7230", run("7"),
                () -> false)));
    }

    /** {@code n} timer sections (a real file has one; enough to exercise the limits). */
    private static StructureTree timers(int n) {
        GuestWriter.Entry timer = GuestWriter.entries(Guest.DEFAULT).get(0);
        assertEquals("timer", timer.idstr());
        List<GuestWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new GuestWriter.Entry(i, "timer", i, timer.version(), timer.body()));
        }
        return new StructureTree(Samples.inspect(GuestWriter.v3(entries).bytes()));
    }

    @Test
    void aLargeFileIsSearchedUnderCancellationAndAtMostMaxShownMatchesAreKept() {
        StructureTree many = timers(TreeFilter.MAX_SHOWN + 700);
        int[] polls = new int[1];
        assertNull(TreeFilter.run(many, "timer", null, () -> ++polls[0] >= 2), "stopped at the second look");
        assertEquals(2, polls[0]);
        TreeFilter.Result r = TreeFilter.run(many, "timer", null, () -> false);
        assertNotNull(r);
        // each section matches by name and by its header's idstr "timer"
        assertEquals(2 * (TreeFilter.MAX_SHOWN + 700), r.total());
        assertEquals(TreeFilter.MAX_SHOWN, r.matches().size());
        assertTrue(r.truncated());
        // a truncated result is not narrowed: the matches past the limit would be lost
        TreeFilter.Result again = TreeFilter.run(many, "timer ", r, () -> false);
        assertEquals(r.total(), again.total());
    }
}
