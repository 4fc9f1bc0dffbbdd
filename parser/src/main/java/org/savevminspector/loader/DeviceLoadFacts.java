package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import java.util.stream.Collectors;

/**
 * What upstream's load function for one idstr does, as data (docs/FORMAT.md B.1, FORMAT.md B.5.4, FORMAT.md B.6). The generic
 * {@link LoadFunction} interprets it: own version test (0 bytes), PCI block ({@code pci_device_load}: version
 * &gt; 2 rejected after 4 bytes; 0/1 = the 260-byte block), value tests, then the body as the device catalogue's
 * layout of the labelled version measures it, then the port moves.
 *
 * @param idstr             the registered name
 * @param registeredVersion the version passed to {@code register_savevm} (the generic test rejects larger labels)
 * @param instances         which instance ids are registered
 * @param loadFunction      upstream file and function, e.g. {@code hw/pckbd.c:kbd_load}
 * @param ownRejects        versions ≤ registered that the function itself refuses before reading
 * @param ownMax            the function's own upper bound (only reachable through the v2-compat loader, which
 *                          has no generic test); {@link Long#MAX_VALUE} when it has none
 * @param pciFromVersion    the first version whose body starts with a PCI block, or -1 for none
 * @param checks            value tests that can reject after part of the body
 * @param fixedBytes        body bytes the function always reads whatever the version, or -1 (use the layout, or
 *                          the size the device's descriptor gives an old version no layout describes)
 * @param moves             I/O-port changes
 * @param layoutIdstr       the catalogue name whose layouts describe the body (XenServer's {@code UHCI usb
 *                          controller} reads the {@code uhci} body)
 * @param bodyAs            label → layout version the function actually reads, where they differ (XenServer
 *                          6.5: {@code piix4acpi} 2 → the v1 body, 3 → the v2 body; {@code vga} 6 → the v4 body)
 */
record DeviceLoadFacts(String idstr, long registeredVersion, InstanceRule instances, String loadFunction,
                       Set<Long> ownRejects, long ownMax, long pciFromVersion, List<CountCheck> checks,
                       long fixedBytes, List<PortMove> moves, String layoutIdstr,
                       Map<Long, Long> bodyAs) {

    DeviceLoadFacts {
        ownRejects = Set.copyOf(ownRejects);
        checks = List.copyOf(checks);
        moves = List.copyOf(moves);
        bodyAs = Map.copyOf(bodyAs);
    }

    /** The layout version the function reads for a label (the label itself unless {@link #bodyAs} says). */
    long bodyVersion(long label) {
        return bodyAs.getOrDefault(label, label);
    }

    /** A builder starting from this row, for a profile that changes a few facts of upstream's. */
    Builder derive() {
        Builder b = new Builder(idstr, registeredVersion, loadFunction);
        b.instances = instances;
        b.rejects.addAll(ownRejects);
        b.ownMax = ownMax;
        b.pciFrom = pciFromVersion;
        b.checks.addAll(checks);
        b.fixedBytes = fixedBytes;
        b.moves.addAll(moves);
        b.layoutIdstr = layoutIdstr;
        b.bodyAs.putAll(bodyAs);
        return b;
    }

    boolean hasPciBlock(long version) {
        return pciFromVersion >= 0 && version >= pciFromVersion;
    }

    boolean rejectsOwn(long version) {
        return ownRejects.contains(version) || version > ownMax;
    }

    /** The rule of the function's own test, for messages, e.g. {@code its own test refuses 0, 1, 2}. */
    String ownRule() {
        List<String> parts = new ArrayList<>();
        if (!ownRejects.isEmpty()) {
            parts.add(new TreeSet<>(ownRejects).stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (ownMax != Long.MAX_VALUE) {
            parts.add("versions above " + ownMax);
        }
        return "its own test refuses " + String.join(" and ", parts);
    }

    static Builder device(String idstr, long registeredVersion, String loadFunction) {
        return new Builder(idstr, registeredVersion, loadFunction);
    }

    /** Reads like the table rows of FORMAT.md B.6. */
    static final class Builder {
        private String idstr;
        private long registered;
        private String function;
        private String layoutIdstr;
        private final Map<Long, Long> bodyAs = new HashMap<>();
        private InstanceRule instances = InstanceRule.fixed(0);
        private final Set<Long> rejects = new TreeSet<>();
        private long ownMax;
        private long pciFrom = -1;
        private final List<CountCheck> checks = new ArrayList<>();
        private long fixedBytes = -1;
        private final List<PortMove> moves = new ArrayList<>();

        private Builder(String idstr, long registered, String function) {
            this.idstr = idstr;
            this.registered = registered;
            this.function = function;
            this.ownMax = registered;
            this.layoutIdstr = idstr;
        }

        /** Registered under another name; the body keeps the layouts of the old one. */
        Builder renamed(String newIdstr) {
            this.idstr = newIdstr;
            return this;
        }

        /** Another registered version; the function's own "&gt; N" bound follows it. */
        Builder registered(long version) {
            if (ownMax == registered) {
                ownMax = version;
            }
            this.registered = version;
            return this;
        }

        Builder function(String loadFunction) {
            this.function = loadFunction;
            return this;
        }

        /** The function reads label {@code label} with the layout of {@code layoutVersion}. */
        Builder bodyAs(long label, long layoutVersion) {
            bodyAs.put(label, layoutVersion);
            return this;
        }

        /** Forgets the function's own rejections (a patch removed its version test). */
        Builder noRejects() {
            rejects.clear();
            return this;
        }

        /** Replaces the port moves. */
        Builder movesOnly(PortMove... replacement) {
            moves.clear();
            moves.addAll(List.of(replacement));
            return this;
        }

        Builder instances(InstanceRule rule) {
            this.instances = rule;
            return this;
        }

        Builder rejects(long... versions) {
            for (long v : versions) {
                rejects.add(v);
            }
            return this;
        }

        /** The function's own "version &gt; N" test when N differs from the registered version. */
        Builder ownMax(long max) {
            this.ownMax = max;
            return this;
        }

        Builder noOwnVersionTest() {
            return ownMax(Long.MAX_VALUE);
        }

        Builder pciBlock() {
            return pciBlockFrom(0);
        }

        Builder pciBlockFrom(long version) {
            this.pciFrom = version;
            return this;
        }

        Builder check(CountCheck check) {
            checks.add(check);
            return this;
        }

        Builder alwaysReads(long bytes) {
            this.fixedBytes = bytes;
            return this;
        }

        Builder moves(PortMove move) {
            moves.add(move);
            return this;
        }

        DeviceLoadFacts build() {
            return new DeviceLoadFacts(idstr, registered, instances, function, rejects, ownMax, pciFrom, checks,
                    fixedBytes, moves, layoutIdstr, bodyAs);
        }
    }
}
