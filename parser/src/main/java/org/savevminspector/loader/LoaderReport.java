package org.savevminspector.loader;

import java.util.List;

/**
 * The result of replaying qemu-xen-traditional's {@code qemu_loadvm_state} over the file (spec Appendix Z
 * step 3).
 *
 * @param profile      whose loader was simulated ({@code upstream})
 * @param outcome      how it ends
 * @param result       the return value of {@code qemu_loadvm_state} (0, -22, -5, -95), {@code null} when aborted
 * @param message      what qemu-dm prints, or a summary when it prints nothing
 * @param stoppedAt    stream position when the loader stopped ({@code qemu_ftell})
 * @param overrunBytes bytes read past the end of the data
 * @param reads        one entry per section the loader read
 * @param ports        I/O-port changes the load made, in order
 */
public record LoaderReport(String profile, LoadOutcome outcome, Integer result, String message, long stoppedAt,
                           long overrunBytes, List<LoaderRead> reads, List<PortEvent> ports) {

    public LoaderReport {
        reads = List.copyOf(reads);
        ports = List.copyOf(ports);
    }
}
