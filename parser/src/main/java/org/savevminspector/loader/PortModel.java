package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.model.Hex;

/**
 * qemu-dm's I/O-port state during a load: the token map plus where GPE0, PM1a_CNT and each PCI I/O BAR currently
 * are, and the port moves of docs/FORMAT.md B.5.4 replayed on it. Every change is recorded as a {@link PortEvent}; a
 * registration that meets another device's token yields the {@link Abort} qemu-dm dies with.
 */
final class PortModel {
    /** {@code int} addresses below this (negative as a C {@code int}) land so far outside the tables that the
     *  write faults; just below 0 they hit neighbouring memory (measured 0xFFFFFFF0 → result 0, 0x80000000 →
     *  SIGSEGV, FORMAT.md B.5.3). The exact boundary depends on the binary's layout: INFERRED as one table's length. */
    private static final long SEGV_BELOW = -IoPortMap.PORTS;

    private final IoPortMap map;
    private final List<PortEvent> events = new ArrayList<>();
    private final Map<PortOwner, long[]> bars = new HashMap<>();
    private long gpeAddress;
    private long gpeHalfLen;
    private long pm1aAddress;

    /** A fresh upstream qemu-dm: GPE0 and PM1a at the V1 layout (FORMAT.md B.3.26, FORMAT.md B.3.27). */
    PortModel(IoPortMap fresh) {
        this(fresh, AcpiPlacement.V1);
    }

    /** @param start where the restoring qemu-dm put GPE0 and PM1a at machine start (as {@link FixedPorts} did) */
    PortModel(IoPortMap fresh, AcpiPlacement start) {
        this.map = fresh;
        this.gpeAddress = start.gpe0();
        this.gpeHalfLen = start.gpe0HalfLen();
        this.pm1aAddress = start.pm1aEvt();
    }

    /** Where GPE0 and PM1a are now (after the moves so far). */
    AcpiPlacement acpi() {
        return new AcpiPlacement(pm1aAddress, gpeAddress, gpeHalfLen);
    }

    /** Why qemu-dm dies: {@code hw_error} (SIGABRT) on a port collision, or SIGSEGV on a wild address. */
    record Abort(String message, long port, PortOwner owner, String explanation) {
    }

    List<PortEvent> events() {
        return List.copyOf(events);
    }

    IoPortMap map() {
        return map;
    }

    /**
     * {@code QT hw/pci.c:pci_update_mappings} for one I/O BAR after {@code pci_device_load}: mapped only when
     * command bit 0 (I/O space) is set, the size-aligned address is non-zero and the range ends at or below
     * 0xFFFF; an old mapping at another place is unassigned first.
     *
     * @param channels one token per equal slice of the BAR (IDE's bus-master BAR has one per channel)
     */
    Optional<Abort> mapBar(int section, String device, int bar, long barValue, int command, long size,
                           List<PortOwner> channels) {
        long addr = (barValue & ~3L) & ~(size - 1) & 0xFFFFFFFFL;
        boolean enabled = (command & 1) != 0 && addr != 0 && addr + size <= IoPortMap.PORTS;
        PortOwner key = channels.get(0);
        long[] old = bars.get(key);
        if (old != null && (!enabled || old[0] != addr)) {
            map.unassign(old[0], size);
            bars.remove(key);
            events.add(new PortEvent(section, device, PortEvent.UNMAP, old[0], size, null,
                    device + " BAR" + bar + " unmapped from " + range(old[0], size)));
        }
        if (!enabled || (old != null && old[0] == addr)) {
            return Optional.empty();
        }
        long slice = size / channels.size();
        for (int i = 0; i < channels.size(); i++) {
            PortOwner token = channels.get(i);
            Registration r = map.register(PortRange.bytes(addr + i * slice, slice), token);
            if (r.collided()) {
                return Optional.of(collision(section, device, r, true,
                        device + " BAR" + bar + " at " + range(addr, size)));
            }
        }
        bars.put(key, new long[] {addr});
        events.add(new PortEvent(section, device, PortEvent.MAP, addr, size, null,
                device + " BAR" + bar + " mapped at " + range(addr, size)));
        return Optional.empty();
    }

    /**
     * {@code QT hw/piix4acpi.c:gpe_load} (l.534–549): when G or H differ from the current GPE0 block, unassign the
     * old block and register b R sts [G, G+H), b R en [G+H, G+2H), then the write handlers. The first call is a
     * read registration, hence {@code register_ioport_read: invalid opaque}.
     */
    Optional<Abort> moveGpe(int section, long g, long h) {
        if (g == gpeAddress && h == gpeHalfLen) {
            return Optional.empty();
        }
        unmap(section, AcpiMeanings.GPE, "GPE0", gpeAddress, 2 * gpeHalfLen);
        gpeAddress = g;
        gpeHalfLen = h;
        int start = (int) g;
        int halfLen = (int) h;
        if (halfLen <= 0) {
            // length <= 0: register_ioport_* does nothing (FORMAT.md B.5.3): GPE0 simply disappears
            events.add(new PortEvent(section, AcpiMeanings.GPE, PortEvent.MAP, g, 0, null,
                    "GPE0 half length " + Hex.padded(h) + " registers nothing: the GPE0 block disappears"));
            return Optional.empty();
        }
        if (start < 0) {
            return wild(section, AcpiMeanings.GPE, "GPE0", start, 2L * halfLen, FixedPorts.GPE, false);
        }
        return claim(section, AcpiMeanings.GPE, "GPE0", start, 2L * halfLen, FixedPorts.GPE, false);
    }

    /**
     * {@code QT hw/piix4acpi.c:piix4acpi_load} then {@code acpi_map} (l.254–270): when A differs from the
     * current address, unassign PM1a_CNT at old+4 (2 ports) and register it at A+4, A+5 (32-bit unsigned add,
     * so A ≥ 0xFFFFFFFC wraps to the DMA ports). The first call is a write registration.
     */
    Optional<Abort> movePm1a(int section, long a) {
        if (a == pm1aAddress) {
            return Optional.empty();
        }
        unmap(section, AcpiMeanings.PIIX4ACPI, "PM1a_CNT", (pm1aAddress + 4) & 0xFFFFFFFFL, 2);
        pm1aAddress = a;
        int start = (int) ((a + 4) & 0xFFFFFFFFL);
        if (start < 0) {
            return wild(section, AcpiMeanings.PIIX4ACPI, "PM1a_CNT", start, 2, FixedPorts.PIIX4ACPI, true);
        }
        return claim(section, AcpiMeanings.PIIX4ACPI, "PM1a_CNT", start, 2, FixedPorts.PIIX4ACPI, true);
    }

    private void unmap(int section, String device, String what, long start, long length) {
        map.unassign(start, length);
        events.add(new PortEvent(section, device, PortEvent.UNMAP, start, length, null,
                what + " unmapped from " + range(start, length)));
    }

    private Optional<Abort> claim(int section, String device, String what, long start, long length,
                                  PortOwner token, boolean write) {
        Registration r = map.register(PortRange.bytes(start, length), token);
        if (r.collided()) {
            return Optional.of(collision(section, device, r, write, what + " at " + range(start, length)));
        }
        if (r.overflow() > IoPortMap.PORTS) {
            // far beyond the tables the stores leave qemu-dm's data segment (INFERRED bound, like SEGV_BELOW)
            return segv(section, device, what, start, length, write, what + " at " + range(start, length) + " runs "
                    + r.overflow() + " ports past 0xFFFF, far beyond the port tables");
        }
        if (r.overflow() > 0) {
            events.add(new PortEvent(section, device, PortEvent.OVERFLOW, IoPortMap.PORTS, r.overflow(), null,
                    what + " at " + range(start, length) + " runs " + r.overflow()
                            + " port(s) past 0xFFFF: qemu-dm writes past its port tables (silent corruption)"));
        }
        if (r.claimed() > 0) {
            events.add(new PortEvent(section, device, PortEvent.MAP, start, Math.min(length, IoPortMap.PORTS - start),
                    null, what + " mapped at " + range(start, Math.min(length, IoPortMap.PORTS - start))));
        }
        return Optional.empty();
    }

    /**
     * A negative {@code int} port: just below the tables it corrupts memory silently (measured 0xFFFFFFF0 → result
     * 0), further away it faults; the part of the range that reaches port 0 and up is registered as usual.
     */
    private Optional<Abort> wild(int section, String device, String what, int start, long length, PortOwner token,
                                 boolean write) {
        if (start < SEGV_BELOW) {
            return segv(section, device, what, start & 0xFFFFFFFFL, length, write, what + " at "
                    + Hex.padded(start & 0xFFFFFFFFL) + " is the negative int " + start
                    + ", far below the port tables");
        }
        long below = Math.min(length, -(long) start);
        events.add(new PortEvent(section, device, PortEvent.OVERFLOW, start & 0xFFFFFFFFL, below, null,
                what + " at " + Hex.padded(start & 0xFFFFFFFFL) + " is the negative int " + start + ": qemu-dm writes "
                        + below + " port slot(s) below its port tables (silent corruption)"));
        if (length > below) {
            return claim(section, device, what, 0, length - below, token, write);
        }
        return Optional.empty();
    }

    /** qemu-dm stores handlers so far outside its tables that the write faults (measured for GPE0 0x80000000). */
    private Optional<Abort> segv(int section, String device, String what, long port, long length, boolean write,
                                 String reason) {
        String call = call(write);
        events.add(new PortEvent(section, device, PortEvent.COLLISION, port, length, null, reason + ": SIGSEGV"));
        return Optional.of(new Abort("Segmentation fault (SIGSEGV) in " + call, port, null,
                reason + ". " + call + " (QT vl.c) has no bounds check; the store faults and qemu-dm dies with "
                        + "SIGSEGV (exit 139), as measured for gpe0_blk_address 0x80000000 (docs/FORMAT.md B.5.3). Where "
                        + "exactly the fault starts depends on the binary's memory layout (INFERRED bound)."));
    }

    private Abort collision(int section, String device, Registration r, boolean write, String what) {
        String call = call(write);
        String message = "qemu: hardware error: " + call + ": invalid opaque";
        events.add(new PortEvent(section, device, PortEvent.COLLISION, r.collision(), 1, r.owner().name(),
                what + ": port " + Hex.padded(r.collision()) + " belongs to " + r.owner().name()));
        return new Abort(message, r.collision(), r.owner(),
                device + " registers " + what + ", but port " + Hex.padded(r.collision()) + " already belongs to "
                        + r.owner().describe() + ". " + call + " (QT vl.c) finds another device's opaque "
                        + "pointer there and calls hw_error, which prints '" + message + "' and abort()s: "
                        + "SIGABRT, exit status 134. qemu_loadvm_state never returns and the guest is not "
                        + "resumed.");
    }

    /** The {@code QT vl.c} function a registration goes through: the first one of the move is what fails. */
    private static String call(boolean write) {
        return write ? "register_ioport_write" : "register_ioport_read";
    }

    static String range(long start, long length) {
        return length <= 1 ? Hex.padded(start) : Hex.padded(start) + "–" + Hex.padded(start + length - 1);
    }
}
