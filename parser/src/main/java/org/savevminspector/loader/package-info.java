/**
 * The loader simulation: what a qemu-xen-traditional build's {@code qemu_loadvm_state} would do with the bytes
 * (docs/FORMAT.md Z step 3), trusting the version labels as qemu does. Which build is a {@code LoaderProfile}
 * ({@code LoaderProfiles}: upstream, xen-4.0, xenserver-6.0-6.2, xenserver-6.5+), data derived from the upstream
 * rows; {@code LoaderFindings} adds what a load silently leaves unrestored or mis-reads, and its consequences.
 *
 * <ul>
 *   <li>{@link org.savevminspector.loader.LoaderSimulator}: the entry point; returns a
 *       {@link org.savevminspector.loader.LoaderReport} and the LOADER_* diagnostics.</li>
 *   <li>{@code V3Replay} / {@code V2CompatReplay}: the two loader loops (FORMAT.md A.10, FORMAT.md A.12) over a
 *       {@code LoaderStream} (zero-filled reads past the end, sticky error flag, FORMAT.md A.1).</li>
 *   <li>{@code UpstreamDevices}: one {@code DeviceLoadFacts} row per registered idstr (registered version,
 *       instance rule, own version tests, PCI block, value tests, legacy sizes, port moves). <b>A device's upstream
 *       load facts are added there and nowhere else</b> (other profiles change copies of those rows); {@code LoadFunction} interprets the row, body lengths come
 *       from the device catalogue's layout of the labelled version.</li>
 *   <li>{@code FixedPorts}, {@code IoPortMap}, {@code PortModel}: qemu-dm's I/O-port owner tokens (FORMAT.md B.5) from
 *       the fixed map of a fresh qemu-dm through the BAR, GPE0 and PM1a_CNT moves a load makes.</li>
 *   <li>{@code LoaderDiagnostics}: LOADER_OVERRUN, LOADER_FAILED, LOADER_ABORTED, SILENT_PARTIAL_LOAD,
 *       LOADER_PORTS and VERSION_NEWER_THAN_UPSTREAM.</li>
 * </ul>
 */
package org.savevminspector.loader;
