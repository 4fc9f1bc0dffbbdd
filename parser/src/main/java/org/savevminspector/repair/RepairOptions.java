package org.savevminspector.repair;

/**
 * @param strategy     how to fix the piix4acpi record
 * @param trimTrailing also remove the bytes after the EOF marker
 */
public record RepairOptions(RepairStrategy strategy, boolean trimTrailing) {
    public static final RepairOptions DEFAULT = new RepairOptions(RepairStrategy.RELABEL, false);
}
