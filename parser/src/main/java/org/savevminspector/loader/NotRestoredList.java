package org.savevminspector.loader;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The sections a load that reports success does not restore, as three numbers each (section, why, and the later
 * section or the refusal's words): a hundred thousand duplicated timers overwrite one another, and each of them
 * is one entry. The entries are worded when read.
 */
final class NotRestoredList extends AbstractList<LoaderReport.NotRestored> implements RandomAccess {
    /** Restored, then overwritten by the later section {@code arg} of the same device. */
    static final byte OVERWRITTEN = 0;
    /** Its load function returned an error qemu ignores: {@code arg} indexes the function's words. */
    static final byte REFUSED = 1;
    /** The loader stopped before it and reported success. */
    static final byte NEVER_READ = 2;

    private final List<Section> sections;
    private final String qemu;
    private final long stoppedAt;
    private final List<String> refusals;
    private final int[] section;
    private final byte[] kind;
    private final int[] arg;

    NotRestoredList(List<Section> sections, String qemu, long stoppedAt, List<String> refusals, int[] section,
                    byte[] kind, int[] arg) {
        this.sections = sections;
        this.qemu = qemu;
        this.stoppedAt = stoppedAt;
        this.refusals = refusals;
        this.section = section;
        this.kind = kind;
        this.arg = arg;
    }

    @Override
    public int size() {
        return section.length;
    }

    @Override
    public LoaderReport.NotRestored get(int i) {
        return entry(i, sections.get(section[i]));
    }

    @Override
    public Iterator<LoaderReport.NotRestored> iterator() {
        return new Iterator<>() {
            private final SectionsByOffset cursor = new SectionsByOffset(sections, -1);
            private int next;

            @Override
            public boolean hasNext() {
                return next < section.length;
            }

            @Override
            public LoaderReport.NotRestored next() {
                if (next >= section.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return entry(i, cursor.get(section[i]));
            }
        };
    }

    private LoaderReport.NotRestored entry(int i, Section s) {
        if (kind[i] == OVERWRITTEN) {
            int later = arg[i];
            return new LoaderReport.NotRestored(section[i], s.idstr(), s.instanceId(), "overwritten: section #" + later
                    + " has the same idstr and instance (" + Hex.plain(s.instanceId()) + "), so " + qemu + " loads it "
                    + "into the same device; that device ends with the state of #" + later + " and the device #"
                    + later + " was saved from keeps its power-on state");
        }
        String part = s.type() == SectionType.PART || s.type() == SectionType.END ? " (" + s.type().json() + ")" : "";
        String why = kind[i] == REFUSED ? "its load function returns an error that qemu ignores: "
                + refusals.get(arg[i])
                : "never read: the loader stopped at offset " + Hex.offset(stoppedAt) + " and reported success";
        return new LoaderReport.NotRestored(section[i], s.idstr() + part, s.instanceId(), why);
    }
}
