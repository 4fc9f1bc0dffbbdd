package org.savevminspector.repair;

import java.util.List;

/**
 * The repairs: the two of the XenServer 6.0–6.2 piix4acpi record for upstream qemu-dm (docs/FORMAT.md C.6), and the
 * conversions between the upstream and XenServer loader families (FORMAT.md V, FORMAT.md X). Each names the loader
 * profile its result is verified on.
 */
public enum RepairStrategy {
    /** Version label 2 → 1; the only change is one byte; the file length is unchanged (recommended). */
    RELABEL("relabel", "Relabel piix4acpi 2 → 1: one byte changes, the length stays; upstream then reads the "
            + "278-byte body and implies pm1a_evt_blk_address = 0x1F40 (V0), as XenServer's own qemu had it."),
    /** Keep label 2 and insert the missing be32 {@code 0x00001F40} after {@code pm1_control} (+4 bytes). */
    UPGRADE("upgrade", "Keep label 2 and insert the missing pm1a_evt_blk_address 00 00 1F 40 (V0) after "
            + "pm1_control: the file grows by 4 bytes and becomes a genuine version-2 record."),
    /** Every header change that makes a XenServer file load on upstream qemu-dm (FORMAT.md V). */
    TO_UPSTREAM("to-upstream", "Convert a XenServer file for upstream qemu-dm: rtl8139 instance 0 → its (bus<<8)|devfn, "
            + "'UHCI usb controller' → 'uhci', piix4acpi 2 → 1 (6.0–6.2 body) or 3 → 2 (6.5+), vga 6 → 4; "
            + "verified by simulating upstream, which must load every section.", "upstream", Conversion.TO_UPSTREAM),
    /** The reverse, for XenServer ≥ 6.5. */
    TO_XENSERVER("to-xenserver", "Convert an upstream file for XenServer ≥ 6.5: rtl8139 instance → 0 (one NIC only), "
            + "'uhci' → 'UHCI usb controller', piix4acpi 2 → 3, vga 4 → 6; verified by simulating "
            + "xenserver-6.5+.", "xenserver-6.5+", Conversion.TO_XENSERVER);

    private final String cli;
    private final String explanation;
    private final String target;
    private final List<ConversionRule> rules;

    RepairStrategy(String cli, String explanation) {
        this(cli, explanation, "upstream", null);
    }

    RepairStrategy(String cli, String explanation, String target, List<ConversionRule> rules) {
        this.cli = cli;
        this.explanation = explanation;
        this.target = target;
        this.rules = rules;
    }

    /** The loader profile whose complete load the result must give. */
    public String target() {
        return target;
    }

    /** Whether this is a conversion between loader families (header edits by rule table). */
    public boolean converts() {
        return rules != null;
    }

    List<ConversionRule> rules() {
        return rules;
    }

    /** The name used on the command line and in JSON. */
    public String cliName() {
        return cli;
    }

    /** One line for people choosing a strategy. */
    public String explanation() {
        return explanation;
    }

    public static RepairStrategy parse(String s) {
        for (RepairStrategy r : values()) {
            if (r.cli.equalsIgnoreCase(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + s + "' (expected relabel, upgrade, "
                + "to-upstream or to-xenserver)");
    }
}
