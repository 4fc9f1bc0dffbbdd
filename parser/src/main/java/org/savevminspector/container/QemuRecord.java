package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;

/**
 * The device-model record after a legacy libxc stream (FORMAT.md D.1 "Qemu record", FORMAT.md D.5 legacy): one of four signatures,
 * then the QEVM bytes delimited by a length field or by the end of the file.
 */
final class QemuRecord {
    /** XenServer ≤ 6.2: with a newline, then a be32 length (XAPI {@code suspend_image.ml}). */
    static final String XENSERVER = "QemuDeviceModelRecord\n";
    /** xend and Xen 4.0 xl: QEVM to the end of the file ({@code xc_domain_restore.c:compat_buffer_qemu}). */
    static final String TO_EOF = "QemuDeviceModelRecord";
    /** Xen 4.1–4.5 libxl: le32 length ({@code xc_domain_restore.c:buffer_qemu}). */
    static final String V0002 = "DeviceModelRecord0002";
    /** Remus checkpoints: as {@link #V0002} ({@code XEN@4.4 …/lowlevel/checkpoint/libcheckpoint.c}). */
    static final String REMUS = "RemusDeviceModelState";

    private QemuRecord() {
    }

    /** Reads the record at {@code pos}; returns the offset after it, or -1 when it is missing or cut. */
    static long read(ImageWalk w, long pos) {
        w.step(pos);
        if (w.startsWith(pos, XENSERVER)) {
            return framed(w, pos, XENSERVER, true);
        }
        if (w.startsWith(pos, TO_EOF)) {
            return toEof(w, pos);
        }
        if (w.startsWith(pos, V0002)) {
            return framed(w, pos, V0002, false);
        }
        if (w.startsWith(pos, REMUS)) {
            return framed(w, pos, REMUS, false);
        }
        if (pos >= w.size) {
            w.error(DiagnosticCode.CONTAINER_NO_QEVM, "ends-after-libxc", pos, 0, Offset.of(pos));
        } else {
            w.error(DiagnosticCode.CONTAINER_NO_QEVM, "no-signature", pos, Math.min(21, w.size - pos), Offset.of(pos),
                    Hex.spaced(w.src.bytes(pos, 8)), V0002, TO_EOF, REMUS);
        }
        return -1;
    }

    private static long toEof(ImageWalk w, long pos) {
        long start = pos + TO_EOF.length();
        w.add("qemu-record", TO_EOF, pos, w.size - pos, List.of(w.ascii("signature", pos, TO_EOF.length())));
        w.lengthFields.clear();
        w.padding = null;
        w.qevmToEof = true;
        w.qevm(start, w.size - start);
        return w.size;
    }

    private static long framed(ImageWalk w, long pos, String sig, boolean bigEndian) {
        long lenAt = pos + sig.length();
        if (!w.need(lenAt, 4, "length of the device-model record \"" + sig.trim() + "\"")) {
            return -1;
        }
        long len = bigEndian ? w.src.be32(lenAt) : w.src.le32(lenAt);
        long start = lenAt + 4;
        List<Field> fields = new ArrayList<>();
        fields.add(w.ascii("signature", pos, sig.length()));
        fields.add(bigEndian ? w.be32("length", lenAt, v -> "bytes of QEVM stream")
                : w.le32("length", lenAt, v -> "bytes of QEVM stream"));
        long have = Math.max(0, w.size - start);
        if (len > have) {
            w.error(DiagnosticCode.CONTAINER_TRUNCATED, "qemu-record-length", lenAt, 4, len, Offset.of(lenAt),
                    Offset.of(start), have);
        }
        w.add("qemu-record", sig.trim(), pos, 4 + sig.length() + Math.min(len, have), fields);
        w.lengthFields.clear();
        w.lengthFields.add(new LengthField(lenAt, 4, bigEndian, 0, "\"" + sig.trim() + "\" length ("
                + (bigEndian ? "be32" : "le32") + ")"));
        w.padding = null;
        w.qevmToEof = false;
        w.qevm(start, len);
        return len > have ? -1 : start + len;
    }
}
