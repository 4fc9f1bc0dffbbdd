package org.savevminspector.io.vhd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;

/**
 * VHDs written by another implementation: qemu's {@code vpc} driver ({@code qemu-img convert -O vpc}, Debian's
 * qemu-utils), dynamic and fixed, read back byte for byte. Skipped where qemu-img is not installed.
 */
class QemuImgVhdTest {
    private static final Path QEMU_IMG = Path.of("/usr/bin/qemu-img");
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2,
            Fixtures.defaultGuest().bytes(), 1000);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsQemuImg() {
        Assumptions.assumeTrue(Files.isExecutable(QEMU_IMG), "qemu-img (qemu-utils) is not installed");
    }

    private Path convert(String subformat) throws Exception {
        Path raw = Files.write(dir.resolve("guest.img"), IMAGE);
        Path vhd = dir.resolve(subformat + ".vhd");
        Process p = new ProcessBuilder(QEMU_IMG.toString(), "convert", "-O", "vpc", "-o",
                "subformat=" + subformat + ",force_size=on", raw.toString(), vhd.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return vhd;
    }

    private static byte[] virtual(Path vhd, VhdType type) throws IOException {
        try (Input in = new InputOpener(InputOpener.Options.defaults()).open(InputName.of(vhd));
             ByteSource s = in.open()) {
            assertEquals(type, in.layer(VhdLayer.class).disk().type());
            assertEquals(java.util.List.of(org.savevminspector.diagnostics.DiagnosticCode.VHD_INFO),
                    in.layer(VhdLayer.class).diagnostics().stream().map(d -> d.code()).toList());
            return s.bytes(0, (int) s.size());
        }
    }

    @Test
    void qemusDynamicVhdReadsBackAsTheImage() throws Exception {
        byte[] got = virtual(convert("dynamic"), VhdType.DYNAMIC);
        assertArrayEquals(IMAGE, java.util.Arrays.copyOf(got, IMAGE.length));
        assertEquals(0, java.util.Arrays.stream(toInts(got, IMAGE.length)).sum(), "zeros after the image");
    }

    @Test
    void qemusFixedVhdReadsBackAsTheImage() throws Exception {
        byte[] got = virtual(convert("fixed"), VhdType.FIXED);
        assertArrayEquals(IMAGE, java.util.Arrays.copyOf(got, IMAGE.length));
    }

    private static int[] toInts(byte[] b, int from) {
        int[] out = new int[b.length - from];
        for (int i = from; i < b.length; i++) {
            out[i - from] = b[i] & 0xFF;
        }
        return out;
    }
}
