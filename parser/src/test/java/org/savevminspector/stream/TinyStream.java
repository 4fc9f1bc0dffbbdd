package org.savevminspector.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/**
 * Minimal streams over a toy catalogue, to test the walk's mechanics apart from the real device layouts:
 * device "alpha" v1 has a 4-byte body and v2 an 8-byte body whose second word must be 0xCAFE (like
 * piix4acpi's pm1a_evt_blk_address), "beta" v1 a 2-byte body.
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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static TinyStream v3() {
        TinyStream t = new TinyStream();
        t.raw(0x51, 0x45, 0x56, 0x4D, 0, 0, 0, 3);
        return t;
    }

    TinyStream raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    TinyStream be32(long v) {
        return raw((int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF, (int) v & 0xFF);
    }

    TinyStream full(long sid, String idstr, long instance, long version, int... body) {
        raw(4);
        be32(sid);
        byte[] name = idstr.getBytes(StandardCharsets.ISO_8859_1);
        raw(name.length);
        out.writeBytes(name);
        be32(instance);
        be32(version);
        return raw(body);
    }

    TinyStream eof() {
        return raw(0);
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
