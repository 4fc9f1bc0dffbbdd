package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.model.Hex;
import org.savevminspector.stream.LongIntMap;
import org.savevminspector.stream.SectionTable;
import org.savevminspector.stream.ParseResult;

/**
 * What a finished replay means beyond its outcome: the sections a "successful" load silently leaves in their
 * power-on state, the reads that depart from the file's structure, and the consequence for the guest in plain
 * words. Works only from the report, the shape walk and the final port state, so it holds for every profile.
 */
final class LoaderFindings {
    private final ParseResult parse;
    private final LoaderProfile profile;
    private final AcpiPlacement finalAcpi;

    LoaderFindings(ParseResult parse, LoaderProfile profile, AcpiPlacement finalAcpi) {
        this.parse = parse;
        this.profile = profile;
        this.finalAcpi = finalAcpi;
    }

    LoaderRun complete(LoaderRun run) {
        LoaderReport r = run.report();
        MisreadList misreads = misreads(r);
        List<LoaderReport.NotRestored> lost = r.outcome() == LoadOutcome.LOADED ? notRestored(r) : List.of();
        return new LoaderRun(r.withFindings(lost, misreads, at -> consequences(run, lost, misreads, at)), run.abort(),
                run.endOffset(), run.endLength(), run.endSection());
    }

    /** Reads whose length differs from the section's body, and reads of bytes that are no section header. */
    private MisreadList misreads(LoaderReport r) {
        MisreadList.Builder out = new MisreadList.Builder();
        SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
        for (LoaderReads.ReadCursor read = LoaderReads.cursor(r.reads()); read.next(); ) {
            if (read.section() < 0 && read.idstr() != null) {
                out.add(MisreadList.OUT_OF_STEP, -1, read.idstr(), read.version(), read.headerOffset(), -1,
                        read.bytesRead());
                continue;
            }
            int i = read.section();
            if (i < 0 || !LoadStep.LOADED.equals(read.status()) || !sections.has(i)
                    || sections.bodyOffset(i) != read.bodyOffset()) {
                continue;
            }
            long have = sections.bodyLength(i);
            if (read.bytesRead() < have) {
                out.add(MisreadList.SHORT, i, read.idstr(), read.version(), read.bodyOffset() + read.bytesRead(), have,
                        read.bytesRead());
            } else if (read.bytesRead() > have) {
                out.add(MisreadList.LONG, i, read.idstr(), read.version(), read.bodyOffset() + have, have,
                        read.bytesRead());
            }
        }
        return out.build();
    }

    /**
     * Sections no load function restored, plus earlier sections overwritten by a later one of the same device, in
     * section order. Kept as numbers ({@link NotRestoredList}): a file of duplicated sections has one per section.
     */
    private List<LoaderReport.NotRestored> notRestored(LoaderReport r) {
        int n = parse.sections().size();
        BitSet loaded = new BitSet(n);
        LongIntMap refused = new LongIntMap();
        List<String> refusals = new ArrayList<>();
        Map<String, Integer> refusalIndex = new HashMap<>();
        Map<Device, Integer> device = new HashMap<>();
        Overwritten overwritten = new Overwritten();
        SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
        for (LoaderReads.ReadCursor read = LoaderReads.cursor(r.reads()); read.next(); ) {
            if (read.section() < 0) {
                continue;
            }
            if (!LoadStep.LOADED.equals(read.status())) {
                refused.put(read.section(), refusalIndex.computeIfAbsent(read.message(), m -> {
                    refusals.add(m);
                    return refusals.size() - 1;
                }));
                continue;
            }
            loaded.set(read.section());
            if (!sections.has(read.section()) || !sections.type(read.section()).hasFullHeader()) {
                continue;
            }
            Integer earlier = device.put(new Device(read.idstr(), read.instanceId()), read.section());
            if (earlier != null && earlier != read.section()) {
                overwritten.add(earlier, read.section());
            }
        }
        NotRestoredList.Builder out = new NotRestoredList.Builder();
        Overwritten.Pairs over = overwritten.inOrder();
        boolean walked = parse.sections() instanceof SectionTable; // a walk's sections always have an idstr
        for (int i = 0; i < n; i++) {
            for (; over.more() && over.earlier() <= i; over.next()) {
                out.add(over.earlier(), NotRestoredList.OVERWRITTEN, over.later());
            }
            if (loaded.get(i) || (!walked && parse.sections().get(i).idstr() == null)) {
                continue;
            }
            int why = refused.get(i);
            out.add(i, why >= 0 ? NotRestoredList.REFUSED : NotRestoredList.NEVER_READ, why);
        }
        // every pair is handed over by now: its earlier section is below its later one, a section of the walk
        return out.build(parse.sections(), profile.qemu(), r.stoppedAt(), refusals);
    }

    /**
     * The (earlier, later) pairs of overwritten sections, kept as runs while each pair follows the one before
     * (duplicated sections overwrite one another in turn) and handed over in order of the earlier section.
     */
    static final class Overwritten {
        private long[] first = new long[8];
        private int[] count = new int[8];
        private int runs;

        void add(int earlier, int later) {
            long pair = (long) earlier << 32 | later;
            if (runs > 0 && pair == first[runs - 1] + ((long) count[runs - 1] << 32 | count[runs - 1])) {
                count[runs - 1]++;
                return;
            }
            if (runs == first.length) {
                first = Arrays.copyOf(first, runs * 2);
                count = Arrays.copyOf(count, runs * 2);
            }
            first[runs] = pair;
            count[runs++] = 1;
        }

        /** How many runs hold the pairs: sections overwriting one another in turn are one. */
        int runs() {
            return runs;
        }

        /** The pairs in order of the earlier section: the runs as they are when they came in order. */
        Pairs inOrder() {
            boolean sorted = true;
            for (int r = 1; r < runs && sorted; r++) {
                sorted = first[r] > first[r - 1] + ((long) (count[r - 1] - 1) << 32);
            }
            if (sorted) {
                return new Pairs(first, count, runs);
            }
            long total = 0;
            for (int r = 0; r < runs; r++) {
                total += count[r];
            }
            long[] each = new long[(int) total];
            int n = 0;
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < count[r]; k++) {
                    each[n++] = first[r] + ((long) k << 32 | k);
                }
            }
            Arrays.sort(each);
            int[] ones = new int[each.length];
            Arrays.fill(ones, 1);
            return new Pairs(each, ones, each.length);
        }

        /** Walks pairs run by run. */
        static final class Pairs {
            private final long[] first;
            private final int[] count;
            private final int runs;
            private int run;
            private int k;

            Pairs(long[] first, int[] count, int runs) {
                this.first = first;
                this.count = count;
                this.runs = runs;
            }

            boolean more() {
                return run < runs;
            }

            int earlier() {
                return (int) (first[run] >>> 32) + k;
            }

            int later() {
                return (int) first[run] + k;
            }

            void next() {
                if (++k == count[run]) {
                    run++;
                    k = 0;
                }
            }
        }
    }

    /** A device as {@code find_se} finds it: idstr and instance. */
    private record Device(String idstr, long instance) {
    }

    /** What the load means, its offsets read by {@code at} (a bare stream's, or an image's around it). */
    private List<String> consequences(LoaderRun run, List<LoaderReport.NotRestored> lost, MisreadList misreads,
                                      Coordinates at) {
        LoaderReport r = run.report();
        String message = r.wording().read(at);
        List<String> out = new ArrayList<>();
        switch (r.outcome()) {
            case ABORTED -> out.add(aborted(run, message));
            case FAILED -> out.add(profile.qemu() + " logs 'Error " + r.result() + " while loading savevm file' and "
                    + "resumes the guest: the sections it loaded keep their effect, every later device keeps its "
                    + "power-on state (" + message + ").");
            case HANGS -> out.add(profile.qemu() + " never finishes the load; the guest is never resumed.");
            case INCOMPLETE -> out.add("What " + profile.qemu() + " does from offset " + at.offset(r.stoppedAt())
                    + " on cannot be simulated: " + message);
            case LOADED -> {
                if (lost.isEmpty() && misreads.isEmpty()) {
                    out.add(profile.qemu() + " restores every section and resumes the guest.");
                } else if (!lost.isEmpty()) {
                    out.add(profile.qemu() + " reports success and resumes the guest, but " + lost.size()
                            + " section(s) are not restored, with no message: " + names(lost) + ".");
                } else {
                    out.add(profile.qemu() + " reports success and resumes the guest, but reads some state "
                            + "differently from how it was written:");
                }
            }
            default -> throw new IllegalStateException("unhandled outcome " + r.outcome());
        }
        for (LoaderReport.Misread m : misreads.in(at)) {
            out.add(m.message() + ".");
        }
        if (r.outcome() == LoadOutcome.LOADED) {
            acpi(out);
        }
        return out;
    }

    private String aborted(LoaderRun run, String message) {
        PortModel.Abort abort = run.abort();
        if (abort != null && abort.owner() != null) {
            // PortModel records the collision as it makes the abort, and the load ends there: it is the last event
            List<PortEvent> ports = run.report().ports();
            String what = ports.get(ports.size() - 1).message().replaceFirst(": port .*$", "");
            return what + " lands on port " + Hex.padded(abort.port()) + ", which belongs to "
                    + abort.owner().name() + dmaChannel(abort) + ": " + profile.qemu() + " dies (" + abort.message()
                    + ", SIGABRT) and the guest is not resumed.";
        }
        return message + "; the guest is not resumed.";
    }

    /** Ports 0x00–0x07 are the address/count registers of DMA channels 0–3 (FORMAT.md B.5.1). */
    private static String dmaChannel(PortModel.Abort abort) {
        return abort.owner() == FixedPorts.DMA0 && abort.port() < 8
                ? " (DMA channel " + abort.port() / 2 + (abort.port() % 2 == 0 ? " address" : " count") + " register)"
                : "";
    }

    /** Where the ACPI blocks end up, when that is not where this qemu-dm puts them for a fresh guest. */
    private void acpi(List<String> out) {
        String pm1a = "PM1a_CNT at " + PortModel.range(finalAcpi.pm1aEvt() + 4, 2);
        String gpe = "GPE0 at " + PortModel.range(finalAcpi.gpe0(), 2 * finalAcpi.gpe0HalfLen());
        switch (finalAcpi.describe()) {
            case "V0", "V1" -> {
                if (!finalAcpi.equals(profile.freshAcpi())) {
                    out.add(pm1a + " and " + gpe + ": the " + finalAcpi.describe() + " layout, right for a guest "
                            + "whose firmware tables are " + finalAcpi.describe()
                            + (finalAcpi.equals(AcpiPlacement.V0) ? " (Xen ≤ 4.0 hvmloader, or XenServer 6.0–6.2)"
                                    : " (Xen ≥ 4.1 hvmloader)") + ".");
                }
            }
            case "mixed" -> out.add(pm1a + " (" + (finalAcpi.pm1aEvt() == AcpiPlacement.V0.pm1aEvt() ? "V0" : "V1")
                    + ") but " + gpe + " (" + (finalAcpi.gpe0() == AcpiPlacement.V0.gpe0() ? "V0" : "V1")
                    + "): a mixed layout no firmware describes; the guest's ACPI events or shutdown request may "
                    + "not reach qemu.");
            default -> out.add(pm1a + " and " + gpe + ", where no firmware table puts them: ACPI shutdown from "
                    + "the guest will not reach qemu.");
        }
    }

    private static String names(List<LoaderReport.NotRestored> lost) {
        Names n = new Names();
        for (LoaderReport.NotRestored l : lost) {
            n.add("#" + l.section() + " " + l.idstr() + (l.instance() != 0 ? " " + Hex.plain(l.instance()) : ""));
        }
        return n.toString();
    }

}
