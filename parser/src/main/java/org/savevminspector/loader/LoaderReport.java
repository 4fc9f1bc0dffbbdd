package org.savevminspector.loader;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.savevminspector.diagnostics.Coordinates;
import org.savevminspector.diagnostics.Wording;

/**
 * The result of replaying one qemu-dm's {@code qemu_loadvm_state} over the file (docs/FORMAT.md Z step 3).
 *
 * <p>A value with the accessors of a record: {@code profile} (whose loader was simulated,
 * {@link LoaderProfile#name()}), {@code outcome}, {@code result} (the return value of {@code qemu_loadvm_state}: 0,
 * -22, -5, -95; {@code null} when aborted), {@code message} (what qemu-dm prints, or a summary when it prints
 * nothing), {@code stoppedAt} (stream position when the loader stopped, {@code qemu_ftell}), {@code overrunBytes}
 * (bytes read past the end of the data), {@code reads} (one entry per section the loader read), {@code ports}
 * (I/O-port changes the load made, in order), {@code notRestored} (sections whose state this loader silently does
 * not restore, in a load that reports success), {@code misreads} (reads that depart from the file's structure:
 * fewer or more body bytes than the section has, or body bytes taken for a header) and {@code consequences} (what
 * the load means for the guest, in plain words).
 *
 * <p>The reads and the sections not restored of a stream of a million sections are held compactly (runs of
 * reads alike but for their section; one row of numbers per section not restored), and the consequences, which
 * may name every one of them, are worded when first asked for.
 */
public final class LoaderReport {
    private final String profile;
    private final LoadOutcome outcome;
    private final Integer result;
    private final Wording message;
    /** How the offsets in the message read: the stream's own, or an image's around it. */
    private final Coordinates at;
    private final long stoppedAt;
    private final long overrunBytes;
    private final List<LoaderRead> reads;
    private final List<PortEvent> ports;
    private final List<NotRestored> notRestored;
    private final List<Misread> misreads;
    /** The consequences worded by the coordinates the report is read in. */
    private final Function<Coordinates, List<String>> consequences;
    private volatile List<String> worded;

    public LoaderReport(String profile, LoadOutcome outcome, Integer result, String message, long stoppedAt,
                        long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports,
                        List<NotRestored> notRestored, List<Misread> misreads, List<String> consequences) {
        this(profile, outcome, result, Wording.of(message), stoppedAt, overrunBytes, reads, ports, notRestored,
                misreads, fixed(List.copyOf(consequences)), Coordinates.FILE);
    }

    /** A report without the findings worked out from it. */
    public LoaderReport(String profile, LoadOutcome outcome, Integer result, String message, long stoppedAt,
                        long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports) {
        this(profile, outcome, result, Wording.of(message), stoppedAt, overrunBytes, reads, ports);
    }

    /** A report without the findings, whose message words its offsets when read. */
    LoaderReport(String profile, LoadOutcome outcome, Integer result, Wording message, long stoppedAt,
                 long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports) {
        this(profile, outcome, result, message, stoppedAt, overrunBytes, reads, ports, List.of(), List.of(),
                fixed(List.of()), Coordinates.FILE);
    }

    private LoaderReport(String profile, LoadOutcome outcome, Integer result, Wording message, long stoppedAt,
                         long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports,
                         List<NotRestored> notRestored, List<Misread> misreads,
                         Function<Coordinates, List<String>> consequences, Coordinates at) {
        this.profile = profile;
        this.outcome = outcome;
        this.result = result;
        this.message = message;
        this.at = at;
        this.stoppedAt = stoppedAt;
        this.overrunBytes = overrunBytes;
        this.reads = reads instanceof LoaderReads ? reads : List.copyOf(reads);
        this.ports = List.copyOf(ports);
        this.notRestored = notRestored instanceof NotRestoredList ? notRestored : List.copyOf(notRestored);
        this.misreads = misreads instanceof MisreadList ? misreads : List.copyOf(misreads);
        this.consequences = consequences;
    }

    private static Function<Coordinates, List<String>> fixed(List<String> list) {
        return at -> list;
    }

    /**
     * This report with the findings worked out from it; the consequences are worded when first asked for, by the
     * coordinates the report is then read in.
     */
    LoaderReport withFindings(List<NotRestored> lost, List<Misread> wrong, Function<Coordinates, List<String>> meaning) {
        return new LoaderReport(profile, outcome, result, message, stoppedAt, overrunBytes, reads, ports, lost,
                wrong, meaning, at);
    }

    /**
     * This report {@code delta} bytes further on (an embedded stream's replay at image offsets): reads, misreads
     * and where the load stopped at file offsets, and every text — message, findings, consequences — with its
     * offsets read as that file's (see {@link Coordinates}).
     */
    public LoaderReport moved(long delta) {
        List<LoaderRead> movedReads = reads instanceof LoaderReads r ? r.moved(delta) : LoaderReads.moved(reads, delta);
        List<NotRestored> lost = notRestored instanceof NotRestoredList l ? l.moved(delta) : notRestored;
        List<Misread> wrong = misreads instanceof MisreadList l ? l.moved(delta) : misreads.stream()
                .map(m -> new Misread(m.section(), m.idstr(), m.offset() + delta, m.bodyLength(), m.bytesRead(),
                        m.message()))
                .toList();
        return new LoaderReport(profile, outcome, result, message, stoppedAt + delta, overrunBytes, movedReads, ports,
                lost, wrong, consequences, at.moved(delta));
    }

    public String profile() {
        return profile;
    }

    public LoadOutcome outcome() {
        return outcome;
    }

    public Integer result() {
        return result;
    }

    public String message() {
        return message.read(at);
    }

    /** The message with its offsets unworded, for a text that words it by coordinates of its own. */
    Wording wording() {
        return message;
    }

    public long stoppedAt() {
        return stoppedAt;
    }

    public long overrunBytes() {
        return overrunBytes;
    }

    public List<LoaderRead> reads() {
        return reads;
    }

    public List<PortEvent> ports() {
        return ports;
    }

    public List<NotRestored> notRestored() {
        return notRestored;
    }

    public List<Misread> misreads() {
        return misreads;
    }

    public List<String> consequences() {
        List<String> c = worded;
        if (c == null) {
            c = List.copyOf(consequences.apply(at));
            worded = c;
        }
        return c;
    }

    /** OK, mis-read or rejected: the one-word answer of {@code check --all-loaders}. */
    public LoaderVerdict verdict() {
        return LoaderVerdict.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof LoaderReport r && profile.equals(r.profile) && outcome == r.outcome
                && Objects.equals(result, r.result) && message().equals(r.message()) && stoppedAt == r.stoppedAt
                && overrunBytes == r.overrunBytes && reads.equals(r.reads) && ports.equals(r.ports)
                && notRestored.equals(r.notRestored) && misreads.equals(r.misreads)
                && consequences().equals(r.consequences()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, outcome, result, message(), stoppedAt, overrunBytes, reads.size());
    }

    @Override
    public String toString() {
        return "LoaderReport[profile=" + profile + ", outcome=" + outcome + ", result=" + result + ", message="
                + message() + ", stoppedAt=" + stoppedAt + ", reads=" + reads.size() + "]";
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
