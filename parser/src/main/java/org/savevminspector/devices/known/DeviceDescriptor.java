package org.savevminspector.devices.known;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.savevminspector.devices.DeviceLayout;

/**
 * One device as the whole tool knows it: its idstr, the versions it has been saved under and by whom, the bodies
 * (primary and alternative) of each, the measured sizes of old versions no layout describes, its count fields and
 * the values a repair inserts. Built by {@link KnownDevices} from the catalogue's layouts and one row of its table;
 * the loader's load facts, the loader's count tests and the repair upgrades are derived from it.
 *
 * @param idstr       the name the device registers with ({@code register_savevm})
 * @param source      the upstream file it lives in, e.g. {@code QT hw/piix4acpi.c}
 * @param versions    every body the catalogue has, primary before alternative, lowest version first
 * @param legacySizes body sizes (with a v2 PCI block) of versions no layout describes, measured in docs/FORMAT.md
 *                    FORMAT.md B.6
 * @param counts      the count and flag fields a load function tests right after reading them
 * @param upgrades    the fields a repair inserts to turn a body of one version into a genuine body of another
 */
public record DeviceDescriptor(String idstr, String source, List<Version> versions, Map<Integer, Long> legacySizes,
                               List<CountField> counts, List<Upgrade> upgrades) {

    public DeviceDescriptor {
        versions = List.copyOf(versions);
        legacySizes = Map.copyOf(legacySizes);
        counts = List.copyOf(counts);
        upgrades = List.copyOf(upgrades);
    }

    /**
     * Who numbers a version and who wrote it: upstream qemu-xen-traditional as it is now, the qemu-dm of Xen 3.4–4.0
     * (the version it registered, which today's upstream still reads), or XenServer's patched qemu-dm.
     */
    public enum Origin {
        UPSTREAM, XEN_4_0, XENSERVER
    }

    /**
     * One body of the device.
     *
     * @param number  the version label
     * @param origin  whose numbering the label is
     * @param variant {@link DeviceLayout#variant()}: {@code ""} for the primary body of the label
     * @param size    the body's size in bytes (with a v2 PCI block), or -1 when it depends on the bytes
     * @param layout  the layout that decodes it
     */
    public record Version(int number, Origin origin, String variant, long size, DeviceLayout layout) {
        /** Upstream file and function the body was read from. */
        public String source() {
            return layout.source();
        }
    }

    /**
     * A field a load function tests right after reading it (docs/FORMAT.md B.6).
     *
     * @param name    the field's name in the layout
     * @param version the version whose primary layout places it
     * @param offset  where it is, counted from the end of the PCI block (from the body start when the body has
     *                none): a v1 PCI block shifts it as it shifts the real read
     * @param width   its size in bytes (big-endian)
     */
    public record CountField(String name, int version, long offset, int width) {
    }

    /**
     * A field a body of version {@code shape} lacks and a genuine body of {@code label} holds, and the value to
     * insert for it.
     *
     * @param shape      the version the body was written with
     * @param label      the version the label claims
     * @param afterField the field the missing bytes follow (by name: its offset depends on the PCI block, FORMAT.md A.13)
     * @param field      the missing field
     * @param insert     its bytes, big-endian, as wide as the label's layout has it
     * @param reason     why this value
     */
    public record Upgrade(int shape, int label, String afterField, String field, byte[] insert, String reason) {
    }

    /** The primary body of a version, if the catalogue has one. */
    public Optional<Version> primary(long version) {
        return versions.stream().filter(v -> v.number() == version && v.variant().isEmpty()).findFirst();
    }

    /** A body size of a version: the primary layout's when it is fixed, else the measured legacy size. */
    public OptionalLong bodySize(long version) {
        Optional<Version> v = primary(version);
        if (v.isPresent() && v.get().size() >= 0) {
            return OptionalLong.of(v.get().size());
        }
        return legacySize(version);
    }

    /** The measured size of a version no layout describes. */
    public OptionalLong legacySize(long version) {
        Long size = version >= 0 && version <= Integer.MAX_VALUE ? legacySizes.get((int) version) : null;
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** The count field of that name. */
    public Optional<CountField> count(String name) {
        return counts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The upgrade of a {@code shape} body labelled {@code label}. */
    public Optional<Upgrade> upgrade(int shape, long label) {
        return upgrades.stream().filter(u -> u.shape() == shape && u.label() == label).findFirst();
    }
}
