package org.savevminspector.loader;

import java.util.List;

/**
 * The result of replaying one qemu-dm's {@code qemu_loadvm_state} over the file (docs/FORMAT.md Z step 3).
 *
 * @param profile      whose loader was simulated ({@link LoaderProfile#name()})
 * @param outcome      how it ends
 * @param result       the return value of {@code qemu_loadvm_state} (0, -22, -5, -95), {@code null} when aborted
 * @param message      what qemu-dm prints, or a summary when it prints nothing
 * @param stoppedAt    stream position when the loader stopped ({@code qemu_ftell})
 * @param overrunBytes bytes read past the end of the data
 * @param reads        one entry per section the loader read
 * @param ports        I/O-port changes the load made, in order
 * @param notRestored  sections whose state this loader silently does not restore (a load that reports success)
 * @param misreads     reads that depart from the file's structure (fewer or more body bytes than the section has,
 *                     or body bytes taken for a header)
 * @param consequences what the load means for the guest, in plain words
 */
public record LoaderReport(String profile, LoadOutcome outcome, Integer result, String message, long stoppedAt,
                           long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports,
                           List<NotRestored> notRestored, List<Misread> misreads, List<String> consequences) {

    public LoaderReport {
        reads = List.copyOf(reads);
        ports = List.copyOf(ports);
        notRestored = List.copyOf(notRestored);
        misreads = List.copyOf(misreads);
        consequences = List.copyOf(consequences);
    }

    /** A report without the findings worked out from it. */
    public LoaderReport(String profile, LoadOutcome outcome, Integer result, String message, long stoppedAt,
                        long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports) {
        this(profile, outcome, result, message, stoppedAt, overrunBytes, reads, ports, List.of(), List.of(),
                List.of());
    }

    LoaderReport withFindings(List<NotRestored> lost, List<Misread> wrong, List<String> meaning) {
        return new LoaderReport(profile, outcome, result, message, stoppedAt, overrunBytes, reads, ports, lost,
                wrong, meaning);
    }

    /** OK, mis-read or rejected: the one-word answer of {@code check --all-loaders}. */
    public LoaderVerdict verdict() {
        return LoaderVerdict.of(this);
    }

    /**
     * A section whose state is not restored although the load reports success.
     *
     * @param section  index in the shape walk
     * @param idstr    its device
     * @param instance its instance id
     * @param reason   why, in words
     */
    public record NotRestored(int section, String idstr, long instance, String reason) {
    }

    /**
     * A read that departs from the structure the shape walk found.
     *
     * @param section    index in the shape walk, -1 when the loader read something that is no section header
     * @param idstr      what the loader took for the device
     * @param offset     where the departure starts (first byte read differently)
     * @param bodyLength the section's body length in the file (-1 when the loader is out of step)
     * @param bytesRead  body bytes the load function consumed
     * @param message    what goes wrong
     */
    public record Misread(int section, String idstr, long offset, long bodyLength, long bytesRead,
                          String message) {
    }
}
