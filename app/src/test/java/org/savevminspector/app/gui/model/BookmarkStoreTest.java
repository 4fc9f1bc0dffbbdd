package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookmarks: kept per file beside the recent files, stepped through from the caret. */
class BookmarkStoreTest {
    @TempDir
    Path dir;

    private static final Bookmark TIMER = new Bookmark(0x40, 2, "timer", "");
    private static final Bookmark LABEL = new Bookmark(7230, 4, "piix4acpi › header › version_id", "says 2\tis 1\nreally \\ ");
    private static final Bookmark BYTES = new Bookmark(7512, 8, "", "the EOF marker and after");

    @Test
    void aFilesBookmarksComeBackInOffsetOrderWithTabsLineBreaksAndBackslashesInTheirNotes() throws Exception {
        Path file = dir.resolve("bookmarks");
        BookmarkStore store = new BookmarkStore(file);
        String key = BookmarkStore.key(dir.resolve("a.qevm"), 7520);
        store.save(key, List.of(BYTES, LABEL, TIMER));
        assertEquals(List.of(TIMER, LABEL, BYTES), new BookmarkStore(file).load(key));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), "one line a bookmark");
        assertEquals(key + "\t7230\t4\tpiix4acpi › header › version_id\tsays 2\\tis 1\\nreally \\\\ ", lines.get(1));
    }

    @Test
    void aFileIsKnownByItsPathAndSizeAndEachFileKeepsItsOwn() {
        BookmarkStore store = new BookmarkStore(dir.resolve("bookmarks"));
        String a = BookmarkStore.key(dir.resolve("a.qevm"), 7520);
        String b = BookmarkStore.key(dir.resolve("sub/../b.qevm"), 7520);
        assertEquals(dir.toAbsolutePath().normalize().resolve("b.qevm") + "|7520", b);
        store.save(a, List.of(TIMER));
        store.save(b, List.of(LABEL, BYTES));
        assertEquals(List.of(TIMER), store.load(a));
        assertEquals(List.of(LABEL, BYTES), store.load(b));
        assertEquals(List.of(), store.load(BookmarkStore.key(dir.resolve("a.qevm"), 7521)), "another size: changed");
        store.save(b, List.of());
        assertEquals(List.of(), store.load(b), "no bookmarks: the file is forgotten");
        assertEquals(List.of(TIMER), store.load(a));
    }

    @Test
    void mangledLinesAreDroppedAndAStoreThatCannotBeReadOrWrittenLosesOnlyTheConvenience() throws Exception {
        Path file = dir.resolve("bookmarks");
        String key = BookmarkStore.key(dir.resolve("a.qevm"), 10);
        Files.writeString(file, key + "\t1\t2\tnode\tnote\n" + key + "\tx\t2\tnode\tnote\n" + key + "\t1\t0\tn\tz\n"
                + key + "\tonly three\n" + key + "\t-5\t1\tn\tz\n" + key + "\t3\t1\t\t\n");
        assertEquals(List.of(new Bookmark(1, 2, "node", "note"), new Bookmark(3, 1, "", "")),
                new BookmarkStore(file).load(key));
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a directory");
        BookmarkStore nowhere = new BookmarkStore(blocked.resolve("bookmarks"));
        nowhere.save(key, List.of(TIMER)); // cannot be written: nothing thrown
        assertEquals(List.of(), nowhere.load(key));
        assertFalse(Files.exists(blocked.resolve("bookmarks")));
    }

    @Test
    void aBookmarkIsNamedByItsNoteThenItsNodeThenItsOffset() {
        assertEquals("timer", TIMER.title());
        assertEquals("the EOF marker and after", BYTES.title());
        assertEquals("0x1D58 (7512)", new Bookmark(7512, 8, "", " ").title());
        assertEquals(7520, BYTES.end());
        assertEquals("new", TIMER.withNote("new").note());
        assertThrows(IllegalArgumentException.class, () -> new Bookmark(-1, 1, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Bookmark(0, 0, "", ""));
    }

    @Test
    void f4AndShiftF4StepFromTheCaretAndGoRoundTheEnds() {
        List<Bookmark> list = Bookmarks.sorted(List.of(BYTES, TIMER, LABEL, new Bookmark(7230, 4, "again", "dup")));
        assertEquals(List.of(TIMER, new Bookmark(7230, 4, "again", "dup"), BYTES), list, "one bookmark a place, the last kept");
        assertEquals(0, Bookmarks.next(list, 0));
        assertEquals(1, Bookmarks.next(list, 0x40));
        assertEquals(2, Bookmarks.next(list, 7230));
        assertEquals(0, Bookmarks.next(list, 7512), "round the end");
        assertTrue(Bookmarks.wrapped(list, 0, 7512, true));
        assertFalse(Bookmarks.wrapped(list, 2, 7230, true));
        assertEquals(1, Bookmarks.previous(list, 7512));
        assertEquals(2, Bookmarks.previous(list, 0x40), "round the start");
        assertTrue(Bookmarks.wrapped(list, 2, 0x40, false));
        assertEquals(-1, Bookmarks.next(List.of(), 5));
        assertEquals(-1, Bookmarks.previous(List.of(), 5));
    }
}
