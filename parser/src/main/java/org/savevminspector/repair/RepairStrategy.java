package org.savevminspector.repair;

/** The two repairs of the XenServer 6.0–6.2 piix4acpi record for upstream qemu-dm (spec §C.6). */
public enum RepairStrategy {
    /** Version label 2 → 1; the only change is one byte; the file length is unchanged (recommended). */
    RELABEL("relabel", "Relabel piix4acpi 2 → 1: one byte changes, the length stays; upstream then reads the "
            + "278-byte body and implies pm1a_evt_blk_address = 0x1F40 (V0), as XenServer's own qemu had it."),
    /** Keep label 2 and insert the missing be32 {@code 0x00001F40} after {@code pm1_control} (+4 bytes). */
    UPGRADE("upgrade", "Keep label 2 and insert the missing pm1a_evt_blk_address 00 00 1F 40 (V0) after "
            + "pm1_control: the file grows by 4 bytes and becomes a genuine version-2 record.");

    private final String cli;
    private final String explanation;

    RepairStrategy(String cli, String explanation) {
        this.cli = cli;
        this.explanation = explanation;
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
        throw new IllegalArgumentException("unknown strategy '" + s + "' (expected relabel or upgrade)");
    }
}
