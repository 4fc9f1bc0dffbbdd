package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;

/**
 * One call of a device's load function: where its body starts, the version it was called with, and the values
 * it took from the stream (kept for the report). Reads go through the zero-extended view, so values past the end
 * are the zeros qemu would get.
 */
final class LoadContext {
    private final ByteSource view;
    private final long dataSize;
    private final long bodyStart;
    private final long version;
    private final String idstr;
    private final long instance;
    private final int section;
    private final PortModel ports;
    private final List<LoaderRead.LoadedValue> values = new ArrayList<>();
    private long pciLength;

    LoadContext(ByteSource view, long dataSize, long bodyStart, long version, String idstr, long instance,
                int section, PortModel ports) {
        this.view = view;
        this.dataSize = dataSize;
        this.bodyStart = bodyStart;
        this.version = version;
        this.idstr = idstr;
        this.instance = instance;
        this.section = section;
        this.ports = ports;
    }

    /** The zero-extended view the function reads. */
    ByteSource viewSource() {
        return view;
    }

    long bodyStart() {
        return bodyStart;
    }

    long version() {
        return version;
    }

    String idstr() {
        return idstr;
    }

    int section() {
        return section;
    }

    PortModel ports() {
        return ports;
    }

    /** The device as people name it: its idstr, plus the instance when that is not 0. */
    String deviceLabel() {
        return instance == 0 ? idstr : idstr + " " + Hex.plain(instance);
    }

    /** Length of the PCI block the function read (276, or 260 for a v0/v1 block), 0 when it has none. */
    long pciLength() {
        return pciLength;
    }

    void pciLength(long length) {
        this.pciLength = length;
    }

    List<LoaderRead.LoadedValue> values() {
        return List.copyOf(values);
    }

    /** A big-endian value at a body offset, recorded. */
    long bodyBe(long offset, int width, String name) {
        long pos = bodyStart + offset;
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | view.u8(pos + i);
        }
        record(name, pos, width, v);
        return v;
    }

    long bodyBe32(long offset, String name) {
        return bodyBe(offset, 4, name);
    }

    /** A be32 counted from the end of the PCI block. */
    long afterPciBe32(long offset, String name) {
        return bodyBe(pciLength + offset, 4, name);
    }

    /** A little-endian value of the PCI config space (4 bytes into the block), recorded. */
    long configLe(long configOffset, int width, String name) {
        long pos = bodyStart + 4 + configOffset;
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | view.u8(pos + i);
        }
        record(name, pos, width, v);
        return v;
    }

    /** A value the function sets without reading it (e.g. the V0 address of a v1 {@code piix4acpi}). */
    long implied(String name, long value) {
        values.add(new LoaderRead.LoadedValue(name + " (implied by version " + version + ")", bodyStart, 0, value,
                0));
        return value;
    }

    private void record(String name, long pos, int width, long value) {
        int pastEnd = (int) Math.max(0, Math.min(width, pos + width - dataSize));
        values.add(new LoaderRead.LoadedValue(name, pos, width, value, pastEnd));
    }
}
