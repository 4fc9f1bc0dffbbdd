package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;
import org.savevminspector.model.SectionType;
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
        List<String> consequences = consequences(run, lost, misreads);
        return new LoaderRun(r.withFindings(lost, misreads, consequences), run.abort(), run.endOffset(),
                run.endLength(), run.endSection());
    }

    /** Reads whose length differs from the section's body, and reads of bytes that are no section header. */
    private List<LoaderReport.Misread> misreads(LoaderReport r) {
        List<LoaderReport.Misread> out = new ArrayList<>();
        for (LoaderRead read : r.reads()) {
            Section s = section(read.section());
            if (read.section() < 0 && read.idstr() != null) {
                out.add(new LoaderReport.Misread(-1, read.idstr(), read.headerOffset(), -1, read.bytesRead(),
                        "bytes at offset " + Hex.offset(read.headerOffset()) + " that are no section header are "
                                + "read as section '" + read.idstr() + "'"));
                continue;
            }
            if (s == null || !LoadStep.LOADED.equals(read.status()) || s.body().offset() != read.bodyOffset()) {
                continue;
            }
            long have = s.body().length();
            if (read.bytesRead() < have) {
                long unread = have - read.bytesRead();
                out.add(new LoaderReport.Misread(s.index(), read.idstr(), read.bodyOffset() + read.bytesRead(), have,
                        read.bytesRead(), read.idstr() + " v" + read.version() + " reads " + read.bytesRead()
                                + " of the " + have + " body bytes: the last " + unread + " byte(s) are not "
                                + "restored and the byte at offset " + Hex.offset(read.bodyOffset()
                                + read.bytesRead()) + " is read as the next section type"));
            } else if (read.bytesRead() > have) {
                out.add(new LoaderReport.Misread(s.index(), read.idstr(), s.body().end(), have, read.bytesRead(),
                        read.idstr() + " v" + read.version() + " reads " + read.bytesRead() + " body bytes, "
                                + (read.bytesRead() - have) + " more than the section has: what follows is "
                                + "taken as this device's state"));
            }
        }
        return out;
    }

    /** Sections no load function restored, plus earlier sections overwritten by a later one of the same device. */
    private List<LoaderReport.NotRestored> notRestored(LoaderReport r) {
        Set<Integer> loaded = new HashSet<>();
        Map<Integer, String> refused = new HashMap<>();
        Map<String, Integer> device = new HashMap<>();
        List<LoaderReport.NotRestored> out = new ArrayList<>();
        for (LoaderRead read : r.reads()) {
            if (read.section() < 0) {
                continue;
            }
            if (!LoadStep.LOADED.equals(read.status())) {
                refused.put(read.section(), read.message());
                continue;
            }
            loaded.add(read.section());
            Section s = section(read.section());
            if (s == null || !s.type().hasFullHeader()) {
                continue;
            }
            Integer earlier = device.put(read.idstr() + "\u0000" + read.instanceId(), read.section());
            if (earlier != null && earlier != read.section()) {
                Section e = section(earlier);
                out.add(new LoaderReport.NotRestored(earlier, e.idstr(), e.instanceId(), "overwritten: section #"
                        + read.section() + " has the same idstr and instance (" + Hex.plain(read.instanceId())
                        + "), so " + profile.qemu() + " loads it into the same device; that device ends with the "
                        + "state of #" + read.section() + " and the device #" + read.section() + " was saved from "
                        + "keeps its power-on state"));
            }
        }
        for (Section s : parse.sections()) {
            if (loaded.contains(s.index()) || s.idstr() == null) {
                continue;
            }
            String why = refused.containsKey(s.index()) ? "its load function returns an error that qemu ignores: "
                    + refused.get(s.index())
                    : "never read: the loader stopped at offset " + Hex.offset(r.stoppedAt()) + " and reported "
                            + "success";
            String part = s.type() == SectionType.PART || s.type() == SectionType.END ? " (" + s.type().json() + ")"
                    : "";
            out.add(new LoaderReport.NotRestored(s.index(), s.idstr() + part, s.instanceId(), why));
        }
        out.sort((a, b) -> Integer.compare(a.section(), b.section()));
        return out;
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

    /** Ports 0x00–0x07 are the address/count registers of DMA channels 0–3 (FORMAT.md B.5.1). */
    private static String dmaChannel(PortModel.Abort abort) {
        return abort.owner() == FixedPorts.DMA0 && abort.port() < 8
                ? " (DMA channel " + abort.port() / 2 + (abort.port() % 2 == 0 ? " address" : " count") + " register)"
                : "";
    }

    /** Where the ACPI blocks end up, when that is not where this qemu-dm puts them for a fresh guest. */
    private void acpi(List<String> out) {
        if (parse.sections().stream().noneMatch(s -> "piix4acpi".equals(s.idstr()) || "gpe".equals(s.idstr()))) {
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

    private Section section(int index) {
        return index >= 0 && index < parse.sections().size() ? parse.sections().get(index) : null;
    }
}
