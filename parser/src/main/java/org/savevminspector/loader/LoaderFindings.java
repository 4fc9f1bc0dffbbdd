package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
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
        List<LoaderReport.Misread> misreads = misreads(r);
        List<LoaderReport.NotRestored> lost = r.outcome() == LoadOutcome.LOADED ? notRestored(r) : List.of();
        return new LoaderRun(r.withFindings(lost, misreads, () -> consequences(run, lost, misreads)), run.abort(),
                run.endOffset(), run.endLength(), run.endSection());
    }

    /** Reads whose length differs from the section's body, and reads of bytes that are no section header. */
    private List<LoaderReport.Misread> misreads(LoaderReport r) {
        List<LoaderReport.Misread> out = new ArrayList<>();
        SectionsByOffset sections = new SectionsByOffset(parse.sections(), -1);
        for (LoaderReads.ReadCursor read = LoaderReads.cursor(r.reads()); read.next(); ) {
            if (read.section() < 0 && read.idstr() != null) {
                out.add(new LoaderReport.Misread(-1, read.idstr(), read.headerOffset(), -1, read.bytesRead(),
                        "bytes at offset " + Hex.offset(read.headerOffset()) + " that are no section header are "
                                + "read as section '" + read.idstr() + "'"));
                continue;
            }
            int i = read.section();
            if (i < 0 || !LoadStep.LOADED.equals(read.status()) || !sections.has(i)
                    || sections.bodyOffset(i) != read.bodyOffset()) {
                continue;
            }
            long have = sections.bodyLength(i);
            if (read.bytesRead() < have) {
                long unread = have - read.bytesRead();
                out.add(new LoaderReport.Misread(i, read.idstr(), read.bodyOffset() + read.bytesRead(), have,
                        read.bytesRead(), read.idstr() + " v" + read.version() + " reads " + read.bytesRead()
                                + " of the " + have + " body bytes: the last " + unread + " byte(s) are not "
                                + "restored and the byte at offset " + Hex.offset(read.bodyOffset()
                                + read.bytesRead()) + " is read as the next section type"));
            } else if (read.bytesRead() > have) {
                out.add(new LoaderReport.Misread(i, read.idstr(), read.bodyOffset() + have, have, read.bytesRead(),
                        read.idstr() + " v" + read.version() + " reads " + read.bytesRead() + " body bytes, "
                                + (read.bytesRead() - have) + " more than the section has: what follows is "
                                + "taken as this device's state"));
            }
        }
        return out;
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
        LongList overwritten = new LongList();
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
                // sorted by the earlier section below; the later one rides along
                overwritten.add((long) earlier << 32 | read.section());
            }
        }
        long[] over = overwritten.sorted();
        int[] section = new int[over.length + n - loaded.cardinality()];
        byte[] kind = new byte[section.length];
        int[] arg = new int[section.length];
        int count = 0;
        int o = 0;
        boolean walked = parse.sections() instanceof SectionTable; // a walk's sections always have an idstr
        for (int i = 0; i < n; i++) {
            while (o < over.length && (int) (over[o] >>> 32) <= i) {
                section[count] = (int) (over[o] >>> 32);
                kind[count] = NotRestoredList.OVERWRITTEN;
                arg[count++] = (int) over[o++];
            }
            if (loaded.get(i) || (!walked && parse.sections().get(i).idstr() == null)) {
                continue;
            }
            int why = refused.get(i);
            section[count] = i;
            kind[count] = why >= 0 ? NotRestoredList.REFUSED : NotRestoredList.NEVER_READ;
            arg[count++] = why;
        }
        while (o < over.length) {
            section[count] = (int) (over[o] >>> 32);
            kind[count] = NotRestoredList.OVERWRITTEN;
            arg[count++] = (int) over[o++];
        }
        return new NotRestoredList(parse.sections(), profile.qemu(), r.stoppedAt(), List.copyOf(refusals),
                Arrays.copyOf(section, count), Arrays.copyOf(kind, count), Arrays.copyOf(arg, count));
    }

    /** A device as {@code find_se} finds it: idstr and instance. */
    private record Device(String idstr, long instance) {
    }

    /** A growable run of longs. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }

    private List<String> consequences(LoaderRun run, List<LoaderReport.NotRestored> lost,
                                      List<LoaderReport.Misread> misreads) {
        LoaderReport r = run.report();
        List<String> out = new ArrayList<>();
        switch (r.outcome()) {
            case ABORTED -> out.add(aborted(run));
            case FAILED -> out.add(profile.qemu() + " logs 'Error " + r.result() + " while loading savevm file' and "
                    + "resumes the guest: the sections it loaded keep their effect, every later device keeps its "
                    + "power-on state (" + r.message() + ").");
            case HANGS -> out.add(profile.qemu() + " never finishes the load; the guest is never resumed.");
            case INCOMPLETE -> out.add("What " + profile.qemu() + " does from offset " + Hex.offset(r.stoppedAt())
                    + " on cannot be simulated: " + r.message());
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
        for (LoaderReport.Misread m : misreads) {
            out.add(m.message() + ".");
        }
        if (r.outcome() == LoadOutcome.LOADED) {
            acpi(out);
        }
        return out;
    }

    private String aborted(LoaderRun run) {
        PortModel.Abort abort = run.abort();
        if (abort != null && abort.owner() != null) {
            PortEvent hit = run.report().ports().stream().filter(e -> PortEvent.COLLISION.equals(e.action()))
                    .reduce((a, b) -> b).orElse(null);
            String what = hit == null ? "a restored I/O range" : hit.message().replaceFirst(": port .*$", "");
            return what + " lands on port " + Hex.padded(abort.port()) + ", which belongs to "
                    + abort.owner().name() + dmaChannel(abort) + ": " + profile.qemu() + " dies (" + abort.message()
                    + ", SIGABRT) and the guest is not resumed.";
        }
        return run.report().message() + "; the guest is not resumed.";
    }

    /** Ports 0x00–0x07 are the address/count registers of DMA channels 0–3 (§B.5.1). */
    private static String dmaChannel(PortModel.Abort abort) {
        return abort.owner() == FixedPorts.DMA0 && abort.port() < 8
                ? " (DMA channel " + abort.port() / 2 + (abort.port() % 2 == 0 ? " address" : " count") + " register)"
                : "";
    }

    /** Where the ACPI blocks end up, when that is not where this qemu-dm puts them for a fresh guest. */
    private void acpi(List<String> out) {
        boolean any = false;
        for (Section s : parse.sections()) {
            if ("piix4acpi".equals(s.idstr()) || "gpe".equals(s.idstr())) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
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
        List<String> n = new ArrayList<>();
        for (LoaderReport.NotRestored l : lost) {
            n.add("#" + l.section() + " " + l.idstr() + (l.instance() != 0 ? " " + Hex.plain(l.instance()) : ""));
        }
        return String.join(", ", n);
    }

}
