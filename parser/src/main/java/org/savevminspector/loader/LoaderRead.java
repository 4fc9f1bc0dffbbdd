package org.savevminspector.loader;

import java.util.List;

/**
 * What the simulated loader did with one section.
 *
 * @param section      index of the section in the shape walk whose header the loader read here, or -1 when the
 *                     loader is out of step with the shape walk (e.g. it took body bytes for a header)
 * @param idstr        the device name the loader read
 * @param instanceId   instance read
 * @param version      version label read
 * @param headerOffset where the loader read the section type byte
 * @param bodyOffset   first body byte
 * @param bytesRead    body bytes the load function consumed
 * @param status       {@code loaded}, {@code rejected} (load function returned an error, ignored by qemu),
 *                     {@code refused} (the generic loader stopped), {@code skipped} (the v2-compat loader
 *                     passed over a device it does not have), {@code aborted}, {@code unknown} (the simulation
 *                     cannot tell how many bytes the function reads)
 * @param message      what happened, in qemu's words where qemu says something
 * @param values       values of interest that the load function took from the stream (I/O addresses…)
 */
public record LoaderRead(int section, String idstr, long instanceId, long version, long headerOffset,
                         long bodyOffset, long bytesRead, String status, String message,
                         List<LoadedValue> values) {

    public LoaderRead {
        values = List.copyOf(values);
    }

    /** A value the loader took from the stream; {@code pastEnd} bytes of it were read past the end (zeros). */
    public record LoadedValue(String name, long offset, int length, long value, int pastEnd) {
    }
}
