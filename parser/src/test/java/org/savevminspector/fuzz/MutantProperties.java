package org.savevminspector.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SectionRecord;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * Mutants of the fixture writer's files (issue 6 and issue 10, "hostile input"): whatever is done to a real-writer
 * file, every command's engine answers without an exception, without an internal error, and with every
 * diagnostic pointing into the file ({@link HostileInput}). The classes of mutants: truncation at every offset,
 * single bit flips, bytes set to 0x00 or 0xFF, insertions, deletions, idstr-length and record-length bytes set to
 * 0 and 255, count and size fields set to 0, 255 and 0xFFFFFFFF, splices of two files, and (issue 13) sections
 * repeated, pasted in from another file and reordered, and streams of thousands of sections.
 */
class MutantProperties {

    /** One file of each format and of each decoder family that reads counts from the bytes. */
    static final Map<String, Stream> FILES = new LinkedHashMap<>();

    static {
        FILES.put("piix4acpiCase", Fixtures.piix4acpiCase());
        FILES.put("defaultGuest", Fixtures.defaultGuest());
        FILES.put("xenServer62StdVga", Fixtures.xenServer62StdVga());
        FILES.put("ideDrives(4)", Fixtures.ideDrives(4));
        FILES.put("v2Compat", Fixtures.v2Compat());
        FILES.put("v1File", Fixtures.v1File());
    }

    /** Kept fields whose values set a count or a size further on (UHCI ports, FDC drives, VRAM, IDE identify). */
    private static final Set<String> COUNTS = Set.of("num_ports", "n_drives", "vram_size", "vram_gmfn", "vga_acc",
            "identify_set", "is_vbe");

    // ------------------------------------------------------------------ truncation at every offset

    /**
     * {@code -Dsavevm.thorough=true} (the {@code thorough} profile of parser/pom.xml) runs every sweep in full; by
     * default {@code mvn verify} runs the bounded ones, to keep the suite within its budget.
     */
    static final boolean THOROUGH = Boolean.getBoolean("savevm.thorough");

    /** Cuts per format that go through every engine when the sweep is bounded. */
    private static final int SAMPLED_CUTS = 64;

    /**
     * Cuts of a file of each format. Every cut of the headline file (the XenServer case, v3) goes through the walk;
     * of it and of the v2 and v1 records (where cuts used to crash) every cut at a section boundary or one byte
     * either side and a seeded sample of {@value #SAMPLED_CUTS} more go through every engine. With
     * {@link #THOROUGH} every cut of every format goes through every engine (minutes on two cores).
     */
    @Example
    void truncationAtEveryOffsetOfEveryFormat() {
        for (String name : List.of("v2Compat", "v1File")) {
            byte[] f = FILES.get(name).bytes();
            for (int n : cuts(FILES.get(name), name.hashCode())) {
                check(name + " cut at " + n, Arrays.copyOf(f, n));
            }
        }
        byte[] v3 = FILES.get("piix4acpiCase").bytes();
        java.util.SortedSet<Integer> checked = cuts(FILES.get("piix4acpiCase"), 3);
        for (int n = 0; n <= v3.length; n++) {
            byte[] cut = Arrays.copyOf(v3, n);
            if (checked.contains(n)) {
                check("piix4acpiCase cut at " + n, cut);
            } else {
                try {
                    HostileInput.walk(cut);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("piix4acpiCase cut at " + n + ": " + e, e);
                }
            }
        }
    }

    /** Every cut 0..length when thorough; else the cuts near section boundaries and a seeded sample, in order. */
    private static java.util.SortedSet<Integer> cuts(Stream s, long seed) {
        int length = s.bytes().length;
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        if (THOROUGH) {
            for (int n = 0; n <= length; n++) {
                out.add(n);
            }
            return out;
        }
        for (SectionRecord r : s.sections()) {
            for (int boundary : new int[] {r.headerOffset(), r.bodyOffset(), r.endOffset()}) {
                for (int n = Math.max(0, boundary - 1); n <= Math.min(length, boundary + 1); n++) {
                    out.add(n);
                }
            }
        }
        java.util.Random random = new java.util.Random(seed);
        for (int k = 0; k < SAMPLED_CUTS; k++) {
            out.add(random.nextInt(length + 1));
        }
        return out;
    }

    // ------------------------------------------------------------------ length bytes and counts

    @Example
    void lengthBytesAndCountsAtTheirExtremes() {
        for (Map.Entry<String, Stream> e : FILES.entrySet()) {
            byte[] f = e.getValue().bytes();
            for (int at : lengthBytes(e.getValue())) {
                for (int v : new int[] {0, 1, 255}) {
                    byte[] m = f.clone();
                    m[at] = (byte) v;
                    check(e.getKey() + " length byte at " + at + " = " + v, m);
                }
            }
            for (Field c : countFields(f)) {
                for (long v : new long[] {0, 1, 255, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFFFL}) {
                    check(e.getKey() + " " + c.name() + " at " + c.span().offset() + " = " + v,
                            put(f, c.span().offset(), c.span().length(), v));
                }
            }
        }
    }

    /** Where the format keeps lengths: idstr length bytes (v3, v1/v2), record_len (v1/v2), total_len (v2). */
    private static List<Integer> lengthBytes(Stream s) {
        List<Integer> out = new ArrayList<>();
        for (SectionRecord r : s.sections()) {
            switch (r.kind()) {
                case FULL, START -> out.add(r.headerOffset() + 5);
                case RECORD -> {
                    out.add(r.headerOffset());
                    for (int i = 0; i < 4; i++) {
                        out.add(r.bodyOffset() - 4 + i);
                    }
                }
                default -> {
                }
            }
        }
        if (s.bytes()[7] == 2) {
            for (int i = 8; i < 16; i++) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Field> countFields(byte[] f) {
        List<Field> out = new ArrayList<>();
        for (Section s : HostileInput.PARSER.parse(ByteSource.of(f)).sections()) {
            collect(s.fields(), out);
        }
        return out;
    }

    private static void collect(List<Field> fields, List<Field> out) {
        for (Field x : fields) {
            if (COUNTS.contains(x.name()) && x.type().isScalar()) {
                out.add(x);
            }
            collect(x.children(), out);
        }
    }

    private static byte[] put(byte[] f, long at, long width, long v) {
        byte[] m = f.clone();
        for (int i = 0; i < width; i++) {
            m[(int) (at + i)] = (byte) (v >>> (8 * (width - 1 - i)));
        }
        return m;
    }

    // ------------------------------------------------------------------ random point mutations

    @Property(tries = 400)
    void bitFlips(@ForAll("file") String name, @ForAll("position") double where, @ForAll("bit") int bit) {
        byte[] m = FILES.get(name).bytes();
        int at = index(m.length, where);
        m[at] ^= (byte) (1 << bit);
        check(name + " bit " + bit + " flipped at " + at, m);
    }

    @Property(tries = 300)
    void bytesSetToZeroOrFf(@ForAll("file") String name, @ForAll("position") double where,
                            @ForAll("run") int run, @ForAll boolean ff) {
        byte[] m = FILES.get(name).bytes();
        int at = index(m.length, where);
        Arrays.fill(m, at, Math.min(m.length, at + run), (byte) (ff ? 0xFF : 0x00));
        check(name + " " + run + " byte(s) set to " + (ff ? "FF" : "00") + " at " + at, m);
    }

    @Property(tries = 300)
    void insertions(@ForAll("file") String name, @ForAll("position") double where, @ForAll("inserted") byte[] ins) {
        byte[] f = FILES.get(name).bytes();
        int at = index(f.length + 1, where);
        byte[] m = new byte[f.length + ins.length];
        System.arraycopy(f, 0, m, 0, at);
        System.arraycopy(ins, 0, m, at, ins.length);
        System.arraycopy(f, at, m, at + ins.length, f.length - at);
        check(name + " " + ins.length + " byte(s) inserted at " + at, m);
    }

    @Property(tries = 300)
    void deletions(@ForAll("file") String name, @ForAll("position") double where, @ForAll("run") int run) {
        byte[] f = FILES.get(name).bytes();
        int at = index(f.length, where);
        int n = Math.min(run, f.length - at);
        byte[] m = new byte[f.length - n];
        System.arraycopy(f, 0, m, 0, at);
        System.arraycopy(f, at + n, m, at, f.length - at - n);
        check(name + " " + n + " byte(s) deleted at " + at, m);
    }

    @Property(tries = 100)
    void splices(@ForAll("file") String a, @ForAll("file") String b, @ForAll("position") double cutA,
                 @ForAll("position") double cutB) {
        byte[] x = FILES.get(a).bytes();
        byte[] y = FILES.get(b).bytes();
        int i = index(x.length, cutA);
        int j = index(y.length, cutB);
        byte[] m = Arrays.copyOf(x, i + y.length - j);
        System.arraycopy(y, j, m, i, y.length - j);
        check(a + "[0," + i + ") + " + b + "[" + j + ",…)", m);
    }

    // ------------------------------------------------------------------ repeated, duplicated, reordered sections

    /** The sections of a file as byte ranges (header to end of body), in file order; the EOF marker is none. */
    private static List<int[]> sectionRanges(Stream s) {
        List<int[]> out = new ArrayList<>();
        for (SectionRecord r : s.sections()) {
            if (r.kind() != SectionRecord.Kind.EOF) {
                out.add(new int[] {r.headerOffset(), r.endOffset()});
            }
        }
        return out;
    }

    /** {@code file} with {@code piece} inserted at {@code at}. */
    private static byte[] insert(byte[] file, int at, byte[] piece, int times) {
        byte[] m = new byte[file.length + piece.length * times];
        System.arraycopy(file, 0, m, 0, at);
        for (int k = 0; k < times; k++) {
            System.arraycopy(piece, 0, m, at + k * piece.length, piece.length);
        }
        System.arraycopy(file, at, m, at + piece.length * times, file.length - at);
        return m;
    }

    /**
     * A section followed by copies of itself, same id and all (issue 13: the XenServer piix4acpi section repeated
     * was read with the wrong length, and converting a file with two of them failed inside the simulation). Every
     * command's engine, reports and repair plans included, must answer.
     */
    @Property(tries = 60)
    void repeatedSections(@ForAll("file") String name, @ForAll("position") double which,
                          @ForAll("copies") int copies) {
        Stream s = FILES.get(name);
        List<int[]> ranges = sectionRanges(s);
        int[] r = ranges.get(index(ranges.size(), which));
        byte[] piece = Arrays.copyOfRange(s.bytes(), r[0], r[1]);
        everything(name + " section at " + r[0] + " repeated " + copies + " times",
                insert(s.bytes(), r[1], piece, copies));
    }

    /** A section of one file pasted in among the sections of another (two of a device, from different writers). */
    @Property(tries = 60)
    void duplicatedFromAnotherFile(@ForAll("file") String from, @ForAll("file") String into,
                                   @ForAll("position") double which, @ForAll("position") double where) {
        List<int[]> fromRanges = sectionRanges(FILES.get(from));
        List<int[]> intoRanges = sectionRanges(FILES.get(into));
        int[] r = fromRanges.get(index(fromRanges.size(), which));
        int at = intoRanges.get(index(intoRanges.size(), where))[1];
        byte[] piece = Arrays.copyOfRange(FILES.get(from).bytes(), r[0], r[1]);
        everything(from + " section at " + r[0] + " pasted into " + into + " at " + at,
                insert(FILES.get(into).bytes(), at, piece, 1));
    }

    /** The sections of a file in another order (ids then out of order, live sections before their START). */
    @Property(tries = 60)
    void reorderedSections(@ForAll("file") String name, @ForAll long seed) {
        Stream s = FILES.get(name);
        List<int[]> ranges = sectionRanges(s);
        List<int[]> shuffled = new ArrayList<>(ranges);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        byte[] f = s.bytes();
        int first = ranges.get(0)[0];
        int last = ranges.get(ranges.size() - 1)[1];
        byte[] m = f.clone();
        int at = first;
        for (int[] r : shuffled) {
            System.arraycopy(f, r[0], m, at, r[1] - r[0]);
            at += r[1] - r[0];
        }
        require(at == last, "sections do not tile the file");
        check(name + " sections shuffled with seed " + seed, m);
    }

    /**
     * Streams of thousands of sections: one section of a file repeated, or all of them over and over, then cut
     * anywhere. Whatever the count, the same invariants hold (and the walk stays linear, or this takes minutes).
     */
    @Property(tries = 12)
    void manySections(@ForAll("file") String name, @ForAll("position") double which,
                      @ForAll("many") int count, @ForAll boolean all, @ForAll("position") double cut) {
        Stream s = FILES.get(name);
        List<int[]> ranges = sectionRanges(s);
        byte[] piece;
        if (all) {
            piece = Arrays.copyOfRange(s.bytes(), ranges.get(0)[0], ranges.get(ranges.size() - 1)[1]);
            count = Math.max(1, count / ranges.size());
        } else {
            int[] r = ranges.get(index(ranges.size(), which));
            piece = Arrays.copyOfRange(s.bytes(), r[0], r[1]);
        }
        byte[] m = insert(s.bytes(), ranges.get(ranges.size() - 1)[1], piece, count);
        check(name + (all ? " all sections" : " one section") + " " + count + " more times", m);
        int n = index(m.length + 1, cut);
        check(name + " " + count + " more sections, cut at " + n, Arrays.copyOf(m, n));
    }

    @Provide
    Arbitrary<Integer> copies() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(4, 50)));
    }

    @Provide
    Arbitrary<Integer> many() {
        return Arbitraries.integers().between(1_000, 20_000);
    }

    private static void everything(String what, byte[] mutant) {
        try {
            HostileInput.everything(mutant);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    @Provide
    Arbitrary<String> file() {
        return Arbitraries.of(List.copyOf(FILES.keySet()));
    }

    @Provide
    Arbitrary<Double> position() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Integer> bit() {
        return Arbitraries.integers().between(0, 7);
    }

    @Provide
    Arbitrary<Integer> run() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(5, 600)));
    }

    @Provide
    Arbitrary<byte[]> inserted() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300),
                Arbitraries.of(0x00, 0x04, 0xFF)).as((bytes, fill) -> {
                    // runs of one value reach the format's special bytes (EOF, FULL, all-ones) more often
                    if (bytes.length % 3 == 0) {
                        Arrays.fill(bytes, (byte) (int) fill);
                    }
                    return bytes;
                });
    }

    private static int index(int length, double where) {
        return Math.min(length - 1, (int) (where * length));
    }

    private static void check(String what, byte[] mutant) {
        try {
            HostileInput.inspect(mutant);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }
}
