package org.savevminspector.devices.known;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.devices.known.DeviceDescriptor.CountField;
import org.savevminspector.devices.known.DeviceDescriptor.Origin;
import org.savevminspector.devices.known.DeviceDescriptor.Upgrade;
import org.savevminspector.devices.known.DeviceDescriptor.Version;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.layout.Seq;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.io.ArrayByteSource;
import org.savevminspector.io.ZeroExtendedSource;
import org.savevminspector.model.Field;

/**
 * The registration table of device facts that no single body layout can state: one row per device that has any
 * (the sizes docs/FORMAT.md B.6 measured for versions no layout describes, the count fields a load function
 * tests, the versions Xen 3.4–4.0 registered, the values a repair inserts). Everything else in a
 * {@link DeviceDescriptor} — versions, origins, variants, sizes, offsets, widths — is derived from the catalogue's
 * layouts, so a fact is written once: adding a version is one layout class, adding such a fact one row here.
 */
public final class KnownDevices {

    private static final List<Row> ROWS = List.of(
            row("fw_cfg").legacy(0, 4),
            row("I440FX").legacy(0, 276),
            row("vga").count("is_vbe", 4),
            row("platform").legacy(0, 276),
            row("platform_fixed_ioport").legacy(0, 1),
            row("serial").legacy(0, 9),
            row("rtl8139").legacy(0, 282),
            row("e1000").legacy(0, 67608),
            row("fdc").count("n_drives", 2),
            row("uhci").count("num_ports", 1),
            row("xen-pvdevice").legacy(0, 276),
            row(AcpiMeanings.GPE).legacy(0, 9).xen40(1),
            // FORMAT.md C.6 strategy (b): XenServer 6.0–6.2 had PM1a_CNT hard-mapped at V0 + 4
            row(AcpiMeanings.PIIX4ACPI).legacy(0, 278).xen40(1)
                    .upgrade(1, 2, "pm1a_evt_blk_address", AcpiMeanings.PM1A_EVT_V0,
                            "V0, where XenServer 6.0–6.2 kept PM1a"));

    private static final Map<String, Row> BY_IDSTR = index();

    private final DeviceCatalog catalog;
    private final Map<String, DeviceDescriptor> descriptors = new HashMap<>();

    public KnownDevices(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The descriptors of the standard catalogue. */
    public static KnownDevices standard() {
        return Holder.STANDARD;
    }

    /** The descriptor of a device the catalogue or the table knows. */
    public synchronized Optional<DeviceDescriptor> find(String idstr) {
        if (!catalog.knows(idstr) && !BY_IDSTR.containsKey(idstr)) {
            return Optional.empty();
        }
        return Optional.of(descriptors.computeIfAbsent(idstr, this::describe));
    }

    /** The descriptor of a device that must be known (a table row or a layout names it). */
    public DeviceDescriptor get(String idstr) {
        return find(idstr).orElseThrow(() -> new IllegalArgumentException("no device " + idstr));
    }

    /** Every device the table has a row for, in table order. */
    public List<DeviceDescriptor> withFacts() {
        return ROWS.stream().map(r -> get(r.idstr)).toList();
    }

    private DeviceDescriptor describe(String idstr) {
        Row row = BY_IDSTR.getOrDefault(idstr, row(idstr));
        List<Version> versions = new ArrayList<>();
        for (DeviceLayout d : catalog.versions(idstr)) {
            versions.add(version(d, row));
        }
        for (DeviceLayout d : catalog.versions(idstr)) {
            for (DeviceLayout alt : catalog.alternatives(idstr, d.version())) {
                if (!alt.variant().isEmpty()) {
                    versions.add(version(alt, row));
                }
            }
        }
        List<CountField> counts = new ArrayList<>();
        row.counts.forEach((name, version) -> counts.add(countField(idstr, name, version)));
        List<Upgrade> upgrades = new ArrayList<>();
        for (Row.Insert in : row.inserts) {
            upgrades.add(upgrade(idstr, in));
        }
        return new DeviceDescriptor(idstr, sourceFile(versions), versions, row.legacy, counts, upgrades);
    }

    private static Version version(DeviceLayout d, Row row) {
        Origin origin = d.origin() == DeviceLayout.Origin.XENSERVER ? Origin.XENSERVER
                : row.xen40 == d.version() ? Origin.XEN_4_0 : Origin.UPSTREAM;
        return new Version(d.version(), origin, d.variant(), sizeWithV2PciBlock(d.layout().elements()), d);
    }

    /** The fixed size of a body whose PCI block is today's (v2, 276 bytes), or -1 when the bytes decide it. */
    private static long sizeWithV2PciBlock(List<Element> elements) {
        long size = 0;
        for (Element e : elements) {
            long n = e instanceof PciBlock.Block ? PciBlock.SIZE
                    : e instanceof Seq seq ? sizeWithV2PciBlock(seq.elements()) : e.fixedSize();
            if (n < 0) {
                return -1;
            }
            size += n;
        }
        return size;
    }

    /** The upstream file of the device: the file part of the newest upstream layout's citation. */
    private static String sourceFile(List<Version> versions) {
        String source = "";
        for (Version v : versions) {
            if (v.variant().isEmpty() && v.origin() != Origin.XENSERVER) {
                source = v.source();
            }
        }
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    private Layout layout(String idstr, int version) {
        return catalog.find(idstr, version).map(DeviceLayout::layout).orElseThrow(() -> new IllegalStateException(
                "the table names " + idstr + " v" + version + ", which no layout describes"));
    }

    /** The field's place in the body of {@code version}, after the PCI block, from the layout over zero bytes. */
    private CountField countField(String idstr, String name, int version) {
        Layout layout = layout(idstr, version);
        Field f = topLevel(layout, name);
        long pci = startsWithPciBlock(layout.elements()) ? PciBlock.SIZE : 0;
        return new CountField(name, version, f.span().offset() - pci, (int) f.span().length());
    }

    /** The field the label's body has and the shape's lacks, the field before it, and its value as bytes. */
    private Upgrade upgrade(String idstr, Row.Insert in) {
        List<Field> label = zeroBody(layout(idstr, in.label));
        for (int i = 1; i < label.size(); i++) {
            if (label.get(i).name().equals(in.field)) {
                int width = (int) label.get(i).span().length();
                byte[] bytes = ByteBuffer.allocate(8).putLong(in.value).array();
                byte[] insert = Arrays.copyOfRange(bytes, 8 - width, 8);
                String reason = "insert " + in.field + " = 0x" + String.format("%0" + 2 * width + "X", in.value)
                        + " (" + in.why + ") after " + label.get(i - 1).name();
                return new Upgrade(in.shape, in.label, label.get(i - 1).name(), in.field, insert, reason);
            }
        }
        throw new IllegalStateException(idstr + " v" + in.label + " has no top-level field " + in.field);
    }

    private static Field topLevel(Layout layout, String name) {
        for (Field f : zeroBody(layout)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalStateException("no top-level field " + name);
    }

    /**
     * The body decoded over zeros, its PCI block (if any) today's v2 one: the places of the fields that precede
     * anything a value decides.
     */
    private static List<Field> zeroBody(Layout layout) {
        byte[] pciVersion2 = startsWithPciBlock(layout.elements()) ? new byte[] {0, 0, 0, 2} : new byte[0];
        return layout.decode(new ZeroExtendedSource(new ArrayByteSource(pciVersion2)), 0, Long.MAX_VALUE);
    }

    private static boolean startsWithPciBlock(List<Element> elements) {
        if (elements.isEmpty()) {
            return false;
        }
        Element first = elements.get(0);
        return first instanceof PciBlock.Block || first instanceof Seq seq && startsWithPciBlock(seq.elements());
    }

    private static Map<String, Row> index() {
        Map<String, Row> m = new HashMap<>();
        for (Row r : ROWS) {
            if (m.put(r.idstr, r) != null) {
                throw new IllegalStateException("two rows for " + r.idstr);
            }
        }
        return Map.copyOf(m);
    }

    private static Row row(String idstr) {
        return new Row(idstr);
    }

    /** One row of the table, written like FORMAT.md B.6's. */
    private static final class Row {
        private final String idstr;
        private final Map<Integer, Long> legacy = new TreeMap<>();
        private final Map<String, Integer> counts = new TreeMap<>();
        private final List<Insert> inserts = new ArrayList<>();
        private int xen40 = -1;

        private record Insert(int shape, int label, String field, long value, String why) {
        }

        private Row(String idstr) {
            this.idstr = idstr;
        }

        /** Body bytes of a version no layout describes (with a v2 PCI block). */
        Row legacy(int version, long bytes) {
            legacy.put(version, bytes);
            return this;
        }

        /** A field the load function tests, placed by the layout of {@code version}. */
        Row count(String field, int version) {
            counts.put(field, version);
            return this;
        }

        /** The version Xen 3.4–4.0's qemu-dm registered (today's upstream still reads it). */
        Row xen40(int version) {
            xen40 = version;
            return this;
        }

        /** A {@code shape} body labelled {@code label} is repaired by inserting {@code field} = {@code value}. */
        Row upgrade(int shape, int label, String field, long value, String why) {
            inserts.add(new Insert(shape, label, field, value, why));
            return this;
        }
    }

    private static final class Holder {
        static final KnownDevices STANDARD = new KnownDevices(DeviceCatalog.standard());
    }
}
