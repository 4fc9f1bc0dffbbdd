package org.savevminspector.devices.pci;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.le16;
import static org.savevminspector.devices.layout.Layout.le32;
import static org.savevminspector.devices.layout.Layout.repeat;
import static org.savevminspector.devices.layout.Layout.seq;
import static org.savevminspector.devices.layout.Layout.struct;
import static org.savevminspector.devices.layout.Layout.u8;
import static org.savevminspector.devices.layout.Layout.when;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.layout.Element;
import org.savevminspector.devices.layout.Repeat;

/**
 * The {@code pci_device_save} block every PCI device section starts with (FORMAT.md B.2.1, {@code QT hw/pci.c:pci_device_save},
 * {@code pci_device_load}): be32 {@code pci.version}, the 256 configuration bytes decoded as a type-0 header
 * ({@code pci.config}), then {@code pci.irq_state[0..3]} — only when {@code pci.version >= 2}, because the loader
 * reads a 260-byte block for version 0 and 1, which is what the loader simulation must reproduce (FORMAT.md B.6).
 */
public final class PciBlock {

    /** Bytes of the block as written (version 2). */
    public static final int SIZE = 276;
    /** Bytes the loader reads for a version 0/1 block. */
    public static final int SIZE_V1 = 260;
    /** Size of the device-specific part of the configuration space, 0x40–0xFF. */
    public static final int DEVICE_SPECIFIC_SIZE = 0xC0;

    /** Name of the kept version word, for layouts that depend on it. */
    public static final String VERSION = "pci.version";

    private static final Element DEFAULT = build(List.of(bytes("device_specific", DEVICE_SPECIFIC_SIZE)));

    private PciBlock() {
    }

    /** The block with the device-specific bytes 0x40–0xFF as one raw field. */
    public static Element element() {
        return DEFAULT;
    }

    /**
     * The block with the device-specific area 0x40–0xFF decoded by {@code deviceSpecific}, which must cover exactly
     * 192 bytes (e.g. PIIX3 PIRQ routing at 0x60–0x63, PIIX4 PMBA at 0x40).
     */
    public static Element element(Element... deviceSpecific) {
        return build(List.of(deviceSpecific));
    }

    private static Element build(List<Element> deviceSpecific) {
        long n = 0;
        for (Element e : deviceSpecific) {
            if (e.fixedSize() < 0) {
                throw new IllegalArgumentException("device-specific PCI config fields must have a fixed size");
            }
            n += e.fixedSize();
        }
        if (n != DEVICE_SPECIFIC_SIZE) {
            throw new IllegalArgumentException("device-specific PCI config fields cover " + n + " bytes, not 192");
        }
        List<Element> config = new ArrayList<>(header());
        config.addAll(deviceSpecific);
        Element configStruct = struct("pci.config", config.toArray(Element[]::new));
        return new Block(seq(
                be32(VERSION).keep().means(PciMeanings.BLOCK_VERSION),
                configStruct,
                when(c -> c.get(VERSION) >= 2, irqState())), configStruct);
    }

    /**
     * The 256 configuration bytes alone, as XenServer's v1 dialect carries them ({@code XSPQ
     * master/fix_savevm_v1_compatibility.patch}: {@code pci_device_load} reads no version word when the file
     * version is 1, so no irq_state either) and as its load-only {@code *_pci} entries read them
     * ({@code generic_pci_load}).
     */
    public static Element configOnly() {
        return ((Block) DEFAULT).configOnly();
    }

    /**
     * The block as one element that remembers its configuration part, so that a layout can be rewritten for a
     * dialect that drops the version word ({@link XenServerV1Dialect}).
     */
    public record Block(Element full, Element configOnly) implements Element {
        @Override
        public void skip(org.savevminspector.devices.layout.Cursor c) {
            full.skip(c);
        }

        @Override
        public void decode(org.savevminspector.devices.layout.Cursor c, List<org.savevminspector.model.Field> out) {
            full.decode(c, out);
        }

        @Override
        public long fixedSize() {
            return full.fixedSize();
        }

        @Override
        public int maxFields() {
            return full.maxFields();
        }

        @Override
        public boolean hasExpectations() {
            return full.hasExpectations();
        }

        @Override
        public boolean keepsValues() {
            return full.keepsValues();
        }
    }

    private static Repeat irqState() {
        return repeat("pci.irq_state", 4, be32("pci.irq_state").means(PciMeanings.IRQ_LEVEL));
    }

    /** The standard type-0 header, config offsets 0x00–0x3F, little-endian multi-byte fields. */
    private static List<Element> header() {
        List<Element> h = new ArrayList<>();
        h.add(le16("vendor_id").means(PciMeanings.VENDOR));
        h.add(le16("device_id"));
        h.add(le16("command").means(PciMeanings.COMMAND));
        h.add(le16("status").means(PciMeanings.STATUS));
        h.add(u8("revision"));
        h.add(u8("prog_if"));
        // 0x0A subclass and 0x0B base class read together: the le16 is exactly class << 8 | subclass.
        h.add(le16("class_code").means(PciMeanings.CLASS_CODE_MEANING));
        h.add(u8("cache_line_size"));
        h.add(u8("latency_timer"));
        h.add(u8("header_type").means(PciMeanings.HEADER_TYPE));
        h.add(u8("bist"));
        for (int i = 0; i < 6; i++) {
            h.add(le32("bar" + i).means(PciMeanings.BAR));
        }
        h.add(le32("cardbus_cis"));
        h.add(le16("subsystem_vendor_id").means(PciMeanings.VENDOR));
        h.add(le16("subsystem_id"));
        h.add(le32("expansion_rom").means(PciMeanings.EXPANSION_ROM));
        h.add(u8("capabilities_pointer"));
        h.add(bytes("reserved", 7));
        h.add(u8("interrupt_line").means(PciMeanings.INTERRUPT_LINE));
        h.add(u8("interrupt_pin").means(PciMeanings.INTERRUPT_PIN));
        h.add(u8("min_gnt"));
        h.add(u8("max_lat"));
        return h;
    }
}
