package org.savevminspector.loader;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;

/**
 * The sections a load that reports success does not restore, as numbers (section, why, and the later section or
 * the refusal's words), in runs: a hundred thousand duplicated timers each overwrite the one before, and that is
 * one run. The entries are worded when read.
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
    private final int size;
    private final int runs;
    /** Per run: its first entry, first section (the next ones follow it), why, and the number and its step. */
    private final int[] start;
    private final int[] section;
    private final byte[] kind;
    private final int[] arg;
    private final int[] argStep;
    /** How the offset where the loader stopped reads: the stream's own, or an image's around it. */
    private final Coordinates at;

    private NotRestoredList(Builder b, List<Section> sections, String qemu, long stoppedAt, List<String> refusals) {
        this.at = Coordinates.FILE;
        this.sections = sections;
        this.qemu = qemu;
        this.stoppedAt = stoppedAt;
        this.refusals = List.copyOf(refusals);
        this.size = b.size;
        this.runs = b.runs;
        this.start = Arrays.copyOf(b.start, runs);
        this.section = Arrays.copyOf(b.section, runs);
        this.kind = Arrays.copyOf(b.kind, runs);
        this.arg = Arrays.copyOf(b.arg, runs);
        this.argStep = Arrays.copyOf(b.argStep, runs);
    }

    private NotRestoredList(NotRestoredList l, Coordinates at) {
        this.at = at;
        this.sections = l.sections;
        this.qemu = l.qemu;
        this.stoppedAt = l.stoppedAt;
        this.refusals = l.refusals;
        this.size = l.size;
        this.runs = l.runs;
        this.start = l.start;
        this.section = l.section;
        this.kind = l.kind;
        this.arg = l.arg;
        this.argStep = l.argStep;
    }

    /** These entries of a stream moved {@code delta} bytes further on (inside a save image). */
    NotRestoredList moved(long delta) {
        return new NotRestoredList(this, at.moved(delta));
    }

    @Override
    public int size() {
        return size;
    }

    /** How many runs hold the entries: duplicated sections overwriting one another in turn are one. */
    int runs() {
        return runs;
    }

    @Override
    public LoaderReport.NotRestored get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + size);
        }
        int r = Arrays.binarySearch(start, 0, runs, i);
        r = r >= 0 ? r : -r - 2;
        int k = i - start[r];
        return entry(section[r] + k, kind[r], arg[r] + k * argStep[r], sections.get(section[r] + k));
    }

    @Override
    public Iterator<LoaderReport.NotRestored> iterator() {
        return new Iterator<>() {
            private final SectionsByOffset cursor = new SectionsByOffset(sections, -1);
            private int next;
            private int run;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public LoaderReport.NotRestored next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                while (run + 1 < runs && start[run + 1] <= next) {
                    run++;
                }
                int k = next++ - start[run];
                int s = section[run] + k;
                return entry(s, kind[run], arg[run] + k * argStep[run], cursor.get(s));
            }
        };
    }

    private LoaderReport.NotRestored entry(int index, byte why, int number, Section s) {
        if (why == OVERWRITTEN) {
            return new LoaderReport.NotRestored(index, s.idstr(), s.instanceId(), "overwritten: section #" + number
                    + " has the same idstr and instance (" + Hex.plain(s.instanceId()) + "), so " + qemu + " loads it "
                    + "into the same device; that device ends with the state of #" + number + " and the device #"
                    + number + " was saved from keeps its power-on state");
        }
        String part = s.type() == SectionType.PART || s.type() == SectionType.END ? " (" + s.type().json() + ")" : "";
        String reason = why == REFUSED ? "its load function returns an error that qemu ignores: "
                + refusals.get(number)
                : "never read: the loader stopped at offset " + at.offset(stoppedAt) + " and reported success";
        return new LoaderReport.NotRestored(index, s.idstr() + part, s.instanceId(), reason);
    }

    /** Collects entries in section order, runs where one follows the one before. */
    static final class Builder {
        private int size;
        private int runs;
        private int[] start = new int[8];
        private int[] section = new int[8];
        private byte[] kind = new byte[8];
        private int[] arg = new int[8];
        private int[] argStep = new int[8];

        void add(int s, byte why, int number) {
            int r = runs - 1;
            if (r >= 0 && kind[r] == why) {
                int k = size - start[r];
                if (s == section[r] + k && (k == 1 || number == arg[r] + k * argStep[r])) {
                    if (k == 1) {
                        argStep[r] = number - arg[r];
                    }
                    size++;
                    return;
                }
            }
            if (runs == start.length) {
                start = Arrays.copyOf(start, runs * 2);
                section = Arrays.copyOf(section, runs * 2);
                kind = Arrays.copyOf(kind, runs * 2);
                arg = Arrays.copyOf(arg, runs * 2);
                argStep = Arrays.copyOf(argStep, runs * 2);
            }
            start[runs] = size;
            section[runs] = s;
            kind[runs] = why;
            arg[runs] = number;
            argStep[runs] = 0;
            runs++;
            size++;
        }

        NotRestoredList build(List<Section> sections, String qemu, long stoppedAt, List<String> refusals) {
            return new NotRestoredList(this, sections, qemu, stoppedAt, refusals);
        }
    }
}
