package org.savevminspector.container;

import java.util.List;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;

/**
 * The {@code xl save} file header (FORMAT.md D.3; {@code XEN@4.4 tools/libxl/xl_cmdimpl.c}: {@code struct
 * save_file_header}, {@code save_domain_core_writeconfig}): 32-byte magic, host-order u32 byteorder, mandatory
 * and optional flags, optional data.
 */
final class XlHeader {
    static final String MAGIC = "Xen saved domain, xl format\n \0 \r";
    static final long FLAG_JSON = 1;
    static final long FLAG_STREAM_V2 = 2;

    private XlHeader() {
    }

    static boolean present(ByteSource src) {
        return src.has(0, 48) && new String(src.bytes(0, 32), java.nio.charset.StandardCharsets.ISO_8859_1).equals(MAGIC);
    }

    /** The header's byte order from its byteorder field; xl writes it in host order. */
    static boolean bigEndian(ByteSource src) {
        return src.be32(32) == 0x01020304L;
    }

    static long mandatoryFlags(ByteSource src) {
        return bigEndian(src) ? src.be32(36) : src.le32(36);
    }

    /** Reads the header and its optional data; returns where the domain stream starts, or -1. */
    static long read(ImageWalk w) {
        boolean big = bigEndian(w.src);
        long order = w.src.le32(32);
        if (!big && order != 0x01020304L) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "xl-byteorder", 32, 4, Hex.spaced(w.src.bytes(32, 4)));
            return -1;
        }
        long flags = mandatoryFlags(w.src);
        long optLen = big ? w.src.be32(44) : w.src.le32(44);
        List<Field> fields = List.of(w.ascii("magic", 0, 32),
                big ? w.be32("byteorder", 32, v -> "big-endian") : w.le32("byteorder", 32, v -> "little-endian"),
                field(w, "mandatory_flags", 36, big, v -> ((v & FLAG_JSON) != 0 ? "JSON config" : "xl config text")
                        + ((v & FLAG_STREAM_V2) != 0 ? ", libxl stream v2" : ", legacy libxc stream")),
                field(w, "optional_flags", 40, big, null), field(w, "optional_data_len", 44, big, null));
        w.add("xl-header", "xl save header", 0, 48, fields);
        if ((flags & ~(FLAG_JSON | FLAG_STREAM_V2)) != 0) {
            w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "xl-mandatory-flags", 36, 4, Hex.plain(flags));
        }
        if (!w.need(48, optLen, "xl optional data (optional_data_len at offset 44)")) {
            return -1;
        }
        if (optLen >= 4) {
            long cfgLen = big ? w.src.be32(48) : w.src.le32(48);
            w.add("xl-config", (flags & FLAG_JSON) != 0 ? "domain config (JSON)" : "domain config", 48, optLen,
                    List.of(field(w, "config_len", 48, big, null), Field.bytes("config", 52, Math.min(cfgLen, optLen - 4))));
            if (cfgLen > optLen - 4) {
                w.error(DiagnosticCode.CONTAINER_INCONSISTENT, "xl-config-len", 48, 4, cfgLen, optLen - 4);
            }
        }
        w.info("xl-header", 0, 48, Hex.plain(flags));
        return 48 + optLen;
    }

    private static Field field(ImageWalk w, String name, long pos, boolean big, org.savevminspector.model.Meaning m) {
        return big ? w.be32(name, pos, m) : w.le32(name, pos, m);
    }
}
