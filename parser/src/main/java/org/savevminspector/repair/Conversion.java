package org.savevminspector.repair;

import static org.savevminspector.devices.acpi.AcpiMeanings.PIIX4ACPI;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/**
 * The header edits that move a file from one loader family to another (docs/FORMAT.md V, FORMAT.md X): one table
 * of {@link ConversionRule}s per direction, applied to every section. Bodies are never touched: every difference
 * these loaders have over the same device state is in the headers, except the XenServer-only sections and
 * {@code vga} v5, which are refused.
 */
final class Conversion {
    private static final String XS_RTL = "XenServer registers rtl8139 with instance 0 (XSPQ fix_rtl_saverestore.patch, "
            + "FORMAT.md X.4)";
    private static final String NEVER_WRITTEN = "a XenServer load-only entry (FORMAT.md X.2/X.5) that no qemu-dm "
            + "writes; upstream has no such entry";

    /** FORMAT.md V: what makes a XenServer 6.0–6.2 or 6.5+ file load on upstream (verified there, result 0). */
    static final List<ConversionRule> TO_UPSTREAM = List.of(
            new ConversionRule.Reinstance("rtl8139", s -> s.instanceId() == 0, ctx -> Optional.empty(),
                    new ConversionRule.Reinstance.Target() {
                        @Override
                        public long instance(Section s, ConversionRule.Context ctx) {
                            return ctx.slots().instanceOf(s);
                        }

                        @Override
                        public String derivation(ConversionRule.Context ctx) {
                            return ctx.slots().derivation();
                        }
                    }, XS_RTL + "; upstream registers (bus << 8) | devfn of the NIC's slot"),
            new ConversionRule.Rename(XenServerNames.UHCI, XenServerNames.UPSTREAM_UHCI,
                    "XenServer's name for upstream's UHCI entry "
                    + "(XSPQ fix_savevm_v1_compatibility.patch, FORMAT.md X.2); the body is the same"),
            new ConversionRule.Relabel(PIIX4ACPI, 2, 1, 1, "the 278-byte body is version 1 (XenServer 6.0–6.2 "
                    + "power-old hack, FORMAT.md C.6 strategy a); upstream then implies PM1a at V0 0x1F40, where that "
                    + "qemu had it"),
            new ConversionRule.Relabel(PIIX4ACPI, 3, -1, 2, "XenServer ≥ 6.5 numbers the genuine v2 body 3 "
                    + "(fix-migrate-from-Boston-thru-Clearwater, FORMAT.md X.1b); upstream registers it as 2"),
            new ConversionRule.Relabel("vga", 6, -1, 4, "XenServer registers vga as 6 with the unchanged v4 body "
                    + "(savevm_george_compatibility, FORMAT.md X.3); upstream accepts up to 4"),
            new ConversionRule.Refuse(List.of("vga"), s -> s.versionId() == 5, "XenServer's vga v5 body carries 8 "
                    + "bytes (map_addr and an ignored word) that no upstream version has; dropping them is not a "
                    + "relabel and is not done"),
            new ConversionRule.Refuse(List.of("xen-pvdevice"), s -> true, "upstream qemu-dm has no xen-pvdevice "
                    + "(XenServer ≥ 7.0, FORMAT.md X.7): it refuses the section, and dropping it would drop the "
                    + "device's state"),
            new ConversionRule.Refuse(Stream.concat(XenServerNames.LOAD_ONLY_PCI.keySet().stream(),
                    Stream.of("pcislots")).toList(), s -> true, NEVER_WRITTEN));

    /** The reverse, for XenServer ≥ 6.5 (whose loader reads every label the edits produce). */
    static final List<ConversionRule> TO_XENSERVER = List.of(
            new ConversionRule.Reinstance("rtl8139", s -> s.instanceId() != 0,
                    ctx -> ctx.slots().rtl8139Count() > 1
                            ? Optional.of("the file has " + ctx.slots().rtl8139Count() + " rtl8139 NICs; " + XS_RTL
                                    + ", so every XenServer loader would restore NIC 2 into NIC 1 and leave NIC 2 "
                                    + "in its power-on state")
                            : Optional.empty(),
                    new ConversionRule.Reinstance.Target() {
                        @Override
                        public long instance(Section s, ConversionRule.Context ctx) {
                            return 0;
                        }

                        @Override
                        public String derivation(ConversionRule.Context ctx) {
                            return "the only instance XenServer registers";
                        }
                    }, XS_RTL),
            new ConversionRule.Rename(XenServerNames.UPSTREAM_UHCI, XenServerNames.UHCI,
                    "XenServer registers UHCI under this name "
                    + "(XSPQ fix_savevm_v1_compatibility.patch, FORMAT.md X.2); the body is the same"),
            new ConversionRule.Relabel(PIIX4ACPI, 2, 2, 3, "XenServer ≥ 6.5 reads labels ≤ 2 as the 278-byte "
                    + "v1 body and only 3 as the 282-byte v2 body (fix-migrate-from-Boston-thru-Clearwater, "
                    + "FORMAT.md X.1b)"),
            new ConversionRule.Relabel("vga", 4, -1, 6, "XenServer registers vga as 6 and reads 6 as the v4 body "
                    + "(savevm_george_compatibility, FORMAT.md X.3)"));

    private Conversion() {
    }

    /** Edits for every section, or the refusals that stop the conversion. */
    record Planned(List<ByteEdit> edits, List<String> refusals) {
    }

    static Planned plan(List<Section> sections, ByteSource original, List<ConversionRule> rules) {
        ConversionRule.Context ctx = new ConversionRule.Context(original, new NicSlots(sections));
        List<ByteEdit> edits = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Section s : sections) {
            if (!s.type().hasFullHeader() || s.idstr() == null || s.versionOffset() < 0) {
                continue;
            }
            for (ConversionRule rule : rules) {
                rule.apply(s, ctx).ifPresent(o -> {
                    if (o.refusal() != null) {
                        refusals.add(o.refusal());
                    } else {
                        edits.add(o.edit());
                    }
                });
            }
        }
        return new Planned(edits, refusals.stream().distinct().toList());
    }
}
