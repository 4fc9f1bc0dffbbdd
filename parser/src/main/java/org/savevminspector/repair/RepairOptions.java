package org.savevminspector.repair;

/**
 * What a repair is asked to do: which of the two strategies of docs/FORMAT.md C.6 fixes a mismatched label, and
 * whether the bytes after the EOF marker go too.
 *
 * @param strategy     how to fix the piix4acpi record
 * @param trimTrailing also remove the bytes after the EOF marker
 */
public record RepairOptions(RepairStrategy strategy, boolean trimTrailing) {
    public static final RepairOptions DEFAULT = new RepairOptions(RepairStrategy.RELABEL, false);
}
