package org.savevminspector.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * XenServer ≥ 6.5 structured suspend images (FORMAT.md D.5; XAPI {@code suspend_image.ml}, {@code
 * suspend-image-framing-format.md}): signature, then records with a {le64 type, le64 length} header. The Libxc
 * record's length is not trusted (its libxc image is walked to END instead); {@code Qemu_trad} holds the QEVM.
 */
public final class XenServerV2Walker implements ContainerWalker {
    static final String SIGNATURE = "XenSavedDomv2-\n";
    private static final long LIBXC = 0xF0;
    private static final long LIBXC_LEGACY = 0xF2;
    private static final long QEMU_TRAD = 0x0F00;
    private static final long END = 0xFFFF;
    /**
     * xenopsd's record types (xen-api {@code ocaml/xenopsd/lib/suspend_image.ml:header_type_of_int64}); the last
     * three (UEFI variables, vTPM state) come from newer XenServer and XCP-ng hosts and are skipped by length.
     */
    private static final Map<Long, String> TYPES = Map.ofEntries(Map.entry(0x0FL, "Xenops"),
            Map.entry(LIBXC, "Libxc"), Map.entry(0xF1L, "Libxl"), Map.entry(LIBXC_LEGACY, "Libxc_legacy"),
            Map.entry(QEMU_TRAD, "Qemu_trad"), Map.entry(0x0F01L, "Qemu_xen"), Map.entry(0x0F10L, "Demu"),
            Map.entry(0x0F11L, "Varstored"), Map.entry(0x0F12L, "Swtpm0"), Map.entry(0x0F13L, "Swtpm"),
            Map.entry(END, "End_of_image"));

    @Override
    public ContainerKind kind() {
        return ContainerKind.XENSERVER_V2;
    }

    @Override
    public boolean recognises(ByteSource src) {
        return ContainerWalker.startsWith(src, SIGNATURE);
    }

    @Override
    public void walk(ImageWalk w) {
        w.add("signature", "XenSavedDomv2-", 0, 15, List.of(w.ascii("signature", 0, 15)));
        long pos = 15;
        while (true) {
            w.step(pos);
            if (!w.need(pos, 16, "XenServer record header")) {
                return;
            }
            long type = w.le64(pos);
            long len = w.le64(pos + 8);
            String name = TYPES.get(type);
            List<Field> fields = new ArrayList<>(List.of(
                    w.le64("type", pos, v -> TYPES.getOrDefault(v, "unknown")), w.le64("length", pos + 8, null)));
            long body = pos + 16;
            long end;
            if (type == LIBXC) {
                w.add("xenserver-record", name, pos, 16, fields);
                end = LibxcV2.walk(w, body);
            } else if (type == LIBXC_LEGACY) {
                w.add("xenserver-record", name, pos, 16, fields);
                end = LegacyLibxc.walkImage(w, body);
            } else {
                if (len < 0 || len > w.size - body) {
                    w.error(DiagnosticCode.CONTAINER_TRUNCATED, "xenserver-record", pos + 8, 8,
                            name == null ? Hex.plain(type) : name, Offset.of(pos), len, w.size - body);
                    if (type == QEMU_TRAD) {
                        qemu(w, pos, len);
                    }
                    return;
                }
                if (name == null) {
                    w.error(DiagnosticCode.CONTAINER_UNKNOWN_RECORD, "xenserver", pos, 8, Hex.plain(type),
                            Offset.of(pos), len);
                }
                w.records.add(new ContainerRecord("xenserver-record",
                        name == null ? "unknown" : name, new Span(pos, 16 + len), fields, null));
                if (type == QEMU_TRAD) {
                    qemu(w, pos, len);
                }
                end = body + len;
            }
            if (end < 0) {
                return;
            }
            if (type == END) {
                WalkEnd.check(w, end, "End_of_image record");
                return;
            }
            pos = end;
        }
    }

    private static void qemu(ImageWalk w, long pos, long len) {
        w.lengthFields.clear();
        w.lengthFields.add(new LengthField(pos + 8, 8, false, 0, "Qemu_trad record length (le64)"));
        w.padding = null;
        w.qevmToEof = false;
        w.qevm(pos + 16, len);
    }
}
