package org.savevminspector.loader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One qemu-dm's loader as data: for each registered idstr what its load function accepts and reads
 * ({@link DeviceLoadFacts}), plus the stream-level rules that differ between builds — where the ACPI blocks sit
 * in a fresh process, and whether a failed load kills it. The simulator interprets a profile; it never asks
 * which profile it runs.
 *
 * @param name          the name on the command line and in JSON ({@code upstream}, {@code xen-4.0},
 *                      {@code xenserver-6.0-6.2}, {@code xenserver-6.5+}); part of the CLI contract
 * @param qemu          the qemu-dm in words, for messages ("upstream qemu-dm", "XenServer 6.5+ qemu-dm")
 * @param description   which builds it stands for and where its facts come from
 * @param freshAcpi     where GPE0 and PM1a_CNT are when the restoring process starts
 * @param failureAborts {@code XSPQ master/abort-on-bad-loadvm.patch}: a non-zero {@code qemu_loadvm_state} result
 *                      aborts qemu-dm (the file is kept as {@code <file>-broken}) instead of resuming the guest
 * @param v1Dialect     file version 1 goes to XenServer's own v1 loop (FORMAT.md X.2), which is not simulated;
 *                      without it version 1 is {@code -ENOTSUP}
 * @param devices       the load facts by idstr
 */
public final class LoaderProfile {
    private final String name;
    private final String qemu;
    private final String description;
    private final AcpiPlacement freshAcpi;
    private final boolean failureAborts;
    private final boolean v1Dialect;
    private final Map<String, DeviceLoadFacts> devices;

    private LoaderProfile(String name, String qemu, String description, AcpiPlacement freshAcpi,
                          boolean failureAborts, boolean v1Dialect, Map<String, DeviceLoadFacts> devices) {
        this.name = name;
        this.qemu = qemu;
        this.description = description;
        this.freshAcpi = freshAcpi;
        this.failureAborts = failureAborts;
        this.v1Dialect = v1Dialect;
        this.devices = Map.copyOf(devices);
    }

    public String name() {
        return name;
    }

    public String qemu() {
        return qemu;
    }

    public String description() {
        return description;
    }

    public AcpiPlacement freshAcpi() {
        return freshAcpi;
    }

    public boolean failureAborts() {
        return failureAborts;
    }

    public boolean v1Dialect() {
        return v1Dialect;
    }

    @Override
    public String toString() {
        return name;
    }

    Optional<DeviceLoadFacts> facts(String idstr) {
        return Optional.ofNullable(devices.get(idstr));
    }

    /** Registered idstrs with their registered versions, sorted, for people reading a profile. */
    public Map<String, Long> registeredVersions() {
        Map<String, Long> out = new TreeMap<>();
        devices.values().forEach(f -> out.put(f.idstr(), f.registeredVersion()));
        return out;
    }

    /** Starts a profile from an existing device table (rows are replaced, added or removed by idstr). */
    static Builder from(List<DeviceLoadFacts> rows) {
        return new Builder(rows);
    }

    /** Builds a profile by editing a copy of another table, row by row. */
    static final class Builder {
        private final Map<String, DeviceLoadFacts> rows = new LinkedHashMap<>();
        private AcpiPlacement acpi = AcpiPlacement.V1;
        private boolean aborts;
        private boolean v1;

        private Builder(List<DeviceLoadFacts> base) {
            base.forEach(r -> rows.put(r.idstr(), r));
        }

        /** Changes a row; a rename moves it to its new idstr. */
        Builder change(String idstr, UnaryOperator<DeviceLoadFacts.Builder> edit) {
            DeviceLoadFacts old = rows.remove(idstr);
            if (old == null) {
                throw new IllegalArgumentException("no row '" + idstr + "' to change");
            }
            DeviceLoadFacts changed = edit.apply(old.derive()).build();
            rows.put(changed.idstr(), changed);
            return this;
        }

        Builder add(DeviceLoadFacts row) {
            rows.put(row.idstr(), row);
            return this;
        }

        Builder freshAcpi(AcpiPlacement placement) {
            this.acpi = placement;
            return this;
        }

        Builder failureAborts() {
            this.aborts = true;
            return this;
        }

        Builder v1Dialect() {
            this.v1 = true;
            return this;
        }

        LoaderProfile build(String name, String qemu, String description) {
            return new LoaderProfile(name, qemu, description, acpi, aborts, v1, rows);
        }
    }
}
