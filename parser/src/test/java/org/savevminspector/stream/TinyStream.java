package org.savevminspector.stream;

import java.util.List;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.fixtures.ByteWriter;
import org.savevminspector.fixtures.StreamBuilder;

/**
 * Minimal streams over a toy catalogue, to test the walk's mechanics apart from the real device layouts:
 * device "alpha" v1 has a 4-byte body and v2 an 8-byte body whose second word must be 0xCAFE (like
 * piix4acpi's pm1a_evt_blk_address), "beta" v1 a 2-byte body. The bytes are written by the fixtures'
 * {@link StreamBuilder}; this adds the toy catalogue and byte values given as ints.
 */
final class TinyStream {
    static final DeviceCatalog CATALOG = new DeviceCatalog(List.of(
            new Layout1(), new Layout2(), new Beta1()));

    static final class Layout1 extends DeviceLayoutBase {
        Layout1() {
            super("alpha", 1, "test", Layout.of(Layout.be32("a")));
        }
    }

    static final class Layout2 extends DeviceLayoutBase {
        Layout2() {
            super("alpha", 2, "test", Layout.of(Layout.be32("a"), Layout.be32("b").expect(v -> v == 0xCAFE)));
        }
    }

    static final class Beta1 extends DeviceLayoutBase {
        Beta1() {
            super("beta", 1, "test", Layout.of(Layout.be16("x")));
        }
    }

    private final StreamBuilder out;

    /** Nothing written yet, not even the magic. */
    TinyStream() {
        this(StreamBuilder.empty());
    }

    private TinyStream(StreamBuilder out) {
        this.out = out;
    }

    static TinyStream v3() {
        return new TinyStream(StreamBuilder.v3());
    }

    TinyStream raw(int... bytes) {
        out.bytes(bytes);
        return this;
    }

    TinyStream be32(long v) {
        return raw((int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF, (int) v & 0xFF);
    }

    /** A FULL section whose body is given as byte values. */
    TinyStream full(long sid, String idstr, long instance, long version, int... body) {
        out.full(sid, idstr, instance, version, new ByteWriter().bytes(body).toByteArray());
        return this;
    }

    TinyStream eof() {
        out.eof();
        return this;
    }

    int size() {
        return out.position();
    }

    byte[] bytes() {
        return out.build().bytes();
    }
}
