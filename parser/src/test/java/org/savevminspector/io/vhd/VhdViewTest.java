package org.savevminspector.io.vhd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.model.StreamFormat;

/**
 * VHDs of every kind around the fixture writer's save images, written by the test fixtures' {@link VhdWriter} (a
 * reading of the specification independent of {@code io.vhd}): the virtual disk reads back byte for byte through
 * the view, the save image inside indexes as it does raw, and every spoiled structure is a diagnostic at its file
 * offset.
 */
class VhdViewTest {
    @TempDir
    Path dir;

    private static final byte[] STREAM = Fixtures.defaultGuest().bytes();
    /** 100 pages of guest memory: the image spans several 64 KiB blocks. */
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, STREAM, 100);
    private static final int BLOCK = 64 * 1024;
    /** 1 MiB of virtual disk: the image fills the first 7 blocks, the other 9 are holes. */
    private static final long DISK = 1 << 20;

    private Input open(Path p, Path... parents) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        InputOpener.Options o = new InputOpener.Options(InputOpener.DEFAULT_MAX_COPY, InputOpener.DEFAULT_MEMORY_LIMIT,
                dir.resolve("tmp"), InputOpener.ReadProgress.NONE, InputStream.nullInputStream());
        return new InputOpener(o.withParents(java.util.Arrays.stream(parents).map(InputName::of).toList()))
                .open(InputName.of(p));
    }

    private Path file(String name, byte[] b) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    private static byte[] virtual(Input in) throws IOException {
        try (ByteSource s = in.open()) {
            return s.bytes(0, (int) s.size());
        }
    }

    private static VhdWriter imageDisk() {
        return new VhdWriter(DISK).blockSize(BLOCK).put(0, IMAGE);
    }

    private static byte[] expected() {
        return java.util.Arrays.copyOf(IMAGE, (int) DISK);
    }

    private static void assertIndexesAsRaw(Input in) throws IOException {
        try (ByteSource s = in.open()) {
            ImageInspection image = ImageInspector.standard().inspect(s);
            assertEquals(ContainerKind.XL_V2, image.index().kind());
            assertEquals(StreamFormat.QEVM_V3, image.stream().parse().format());
            assertArrayEquals(STREAM, s.bytes(image.index().qevm().offset(), STREAM.length));
        }
    }

    private static List<DiagnosticCode> codes(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::code).toList();
    }

    @Test
    void aFixedDiskIsItsBytes() throws IOException {
        Path p = file("fixed.vhd", imageDisk().fixed());
        try (Input in = open(p)) {
            assertNull(in.file(), "a view, not a copy");
            assertEquals(p, in.original());
            assertEquals(DISK, in.size());
            assertArrayEquals(expected(), virtual(in));
            VhdLayer layer = in.layer(VhdLayer.class);
            assertEquals(VhdType.FIXED, layer.disk().type());
            assertEquals(DISK, layer.disk().footer().span().offset());
            assertNull(layer.disk().header());
            assertEquals(List.of(DiagnosticCode.VHD_INFO), codes(layer.diagnostics()));
            assertEquals("fixed VHD, virtual size 1048576 bytes, made by tap 1.3 (Lnux) at 2023-11-14T22:13:20Z",
                    layer.diagnostics().get(0).message());
            assertIndexesAsRaw(in);
        }
    }

    @Test
    void aDynamicDiskWithHolesReadsZerosWhereNoBlockIs() throws IOException {
        VhdWriter w = imageDisk().put(15 * BLOCK + 512, new byte[] {1, 2, 3});
        byte[] vhd = w.dynamic();
        // copy, header, BAT (16 entries: one sector), 8 blocks of 512 + 64 KiB, footer
        assertEquals(512 + 1024 + 512 + 8 * (512 + BLOCK) + 512, vhd.length);
        try (Input in = open(file("dyn.vhd", vhd))) {
            byte[] want = expected();
            want[15 * BLOCK + 512] = 1;
            want[15 * BLOCK + 513] = 2;
            want[15 * BLOCK + 514] = 3;
            assertArrayEquals(want, virtual(in));
            VhdDisk disk = in.layer(VhdLayer.class).disk();
            assertEquals(VhdType.DYNAMIC, disk.type());
            assertEquals(16, disk.bat().entries());
            assertEquals(8, disk.bat().allocated());
            assertEquals(1536, disk.bat().span().offset());
            assertEquals(2048, disk.bat().blockOffset(0));
            assertEquals(-1, disk.bat().blockOffset(7));
            assertEquals(2048 + 7 * (512 + BLOCK), disk.bat().blockOffset(15));
            assertEquals(2048 + 512 + 100, disk.fileOffset(100));
            assertEquals(-1, disk.fileOffset(8 * BLOCK));
            assertEquals(List.of(DiagnosticCode.VHD_INFO), codes(in.layer(VhdLayer.class).diagnostics()));
            try (VhdByteSource s = (VhdByteSource) in.open()) {
                assertEquals(2048 + 512 + 100, s.locate(100));
                assertEquals(-1, s.locate(8 * BLOCK), "a hole reads as zeros");
                assertEquals(-1, s.locate(15 * BLOCK), "a sector whose bit is clear reads as zeros");
                assertEquals(2048 + 7 * (512 + BLOCK) + 512 + 512, s.locate(15 * BLOCK + 512));
            }
            assertIndexesAsRaw(in);
        }
    }

    @Test
    void aDifferencingDiskReadsItsSectorsAndTheRestFromItsParent() throws IOException {
        VhdWriter parent = imageDisk();
        Path parentFile = file("parent.vhd", parent.dynamic());
        byte[] patch = {(byte) 0xAB, (byte) 0xCD};
        long at = 3 * BLOCK + 700;
        VhdWriter child = new VhdWriter(DISK).blockSize(BLOCK).uniqueId(new UUID(7, 7)).put(at, patch);
        Path childFile = file("child.vhd", child.differencing(parent, "./parent.vhd"));
        try (Input in = open(childFile, parentFile)) {
            byte[] want = expected();
            want[(int) at] = (byte) 0xAB;
            want[(int) at + 1] = (byte) 0xCD;
            assertArrayEquals(want, virtual(in));
            VhdLayer layer = in.layer(VhdLayer.class);
            assertEquals(VhdType.DIFFERENCING, layer.disk().type());
            assertEquals(1, layer.parents().size());
            assertEquals(VhdType.DYNAMIC, layer.parents().get(0).type());
            assertEquals(parent.uniqueId(), layer.disk().header().parentUniqueId());
            assertEquals(List.of("file://./parent.vhd", "C:\\.\\parent.vhd"),
                    layer.disk().header().locators().stream().map(ParentLocator::path).toList());
            assertEquals("parent.vhd", layer.disk().header().parentName());
            assertEquals(List.of(DiagnosticCode.VHD_INFO), codes(layer.diagnostics()));
            try (VhdByteSource s = (VhdByteSource) in.open()) {
                assertEquals(-2, s.locate(at - 200), "outside the child's sector: the parent's");
                assertEquals(-2, s.locate(0));
                assertTrue(s.locate(at) > 0);
            }
        }
    }

    @Test
    void aDifferencingDiskWithoutItsParentIsRefusedNamingTheParent() throws IOException {
        VhdWriter parent = imageDisk();
        Path childFile = file("child.vhd", new VhdWriter(DISK).blockSize(BLOCK).put(0, new byte[512])
                .differencing(parent, "/var/run/sr-mount/f3a9/5e1c.vhd"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> open(childFile));
        assertEquals(childFile.toString(), e.getFile());
        assertEquals("it is a differencing VHD whose parent file:///var/run/sr-mount/f3a9/5e1c.vhd was not given; "
                + "give it with --parent FILE", e.getReason());
    }

    @Test
    void theWrongParentIsADiagnostic() throws IOException {
        VhdWriter parent = imageDisk();
        VhdWriter other = imageDisk().uniqueId(new UUID(9, 9));
        Path childFile = file("child.vhd", new VhdWriter(DISK).blockSize(BLOCK).put(0, new byte[512])
                .differencing(parent, "./parent.vhd"));
        try (Input in = open(childFile, file("other.vhd", other.dynamic()))) {
            List<Diagnostic> d = in.layer(VhdLayer.class).diagnostics();
            assertEquals(List.of(DiagnosticCode.VHD_PARENT_MISMATCH, DiagnosticCode.VHD_INFO), codes(d));
            assertEquals(512 + 40, d.get(0).offset());
            assertEquals(16, d.get(0).length());
        }
    }

    @Test
    void aBadFooterChecksumIsADiagnosticAndTheCopyIsUsed() throws IOException {
        byte[] vhd = imageDisk().spoil(VhdWriter.Spoil.FOOTER).dynamic();
        try (Input in = open(file("bad.vhd", vhd))) {
            assertArrayEquals(expected(), virtual(in));
            List<Diagnostic> d = in.layer(VhdLayer.class).diagnostics();
            assertEquals(List.of(DiagnosticCode.VHD_INFO, DiagnosticCode.VHD_INFO, DiagnosticCode.VHD_FOOTER_MISMATCH,
                    DiagnosticCode.VHD_BAD_CHECKSUM), codes(d));
            Diagnostic bad = d.get(3);
            assertEquals(vhd.length - 512 + 64, bad.offset());
            assertEquals(4, bad.length());
            assertTrue(bad.message().startsWith("the VHD footer at offset " + (vhd.length - 512)), bad.message());
            assertEquals("the disk is read by the footer's copy at offset 0, whose checksum is sound",
                    d.get(0).message());
            assertEquals(64 + 3, d.get(2).offset(), "the copy differs from the footer in its checksum's last byte");
            assertEquals(0, in.layer(VhdLayer.class).disk().footer().span().offset());
        }
    }

    @Test
    void aBadHeaderChecksumIsADiagnostic() throws IOException {
        try (Input in = open(file("bad.vhd", imageDisk().spoil(VhdWriter.Spoil.HEADER).dynamic()))) {
            assertArrayEquals(expected(), virtual(in));
            List<Diagnostic> d = in.layer(VhdLayer.class).diagnostics();
            assertEquals(List.of(DiagnosticCode.VHD_BAD_CHECKSUM, DiagnosticCode.VHD_INFO), codes(d));
            assertEquals(512 + 36, d.get(0).offset());
        }
    }

    @Test
    void aBatEntryPastTheEndIsADiagnosticAndItsBlockReadsAsZeros() throws IOException {
        byte[] vhd = imageDisk().batPastEnd(2).dynamic();
        try (Input in = open(file("past.vhd", vhd))) {
            byte[] want = expected();
            java.util.Arrays.fill(want, 2 * BLOCK, 3 * BLOCK, (byte) 0);
            assertArrayEquals(want, virtual(in));
            List<Diagnostic> d = in.layer(VhdLayer.class).diagnostics();
            assertEquals(List.of(DiagnosticCode.VHD_BAT_PAST_END, DiagnosticCode.VHD_INFO), codes(d));
            assertEquals(1536 + 2 * 4, d.get(0).offset());
            assertEquals(4, d.get(0).length());
            assertEquals(6, in.layer(VhdLayer.class).disk().bat().allocated());
        }
    }

    @Test
    void overlappingBlocksAreADiagnostic() throws IOException {
        byte[] vhd = imageDisk().overlap(1, 4).dynamic();
        try (Input in = open(file("overlap.vhd", vhd))) {
            List<Diagnostic> d = in.layer(VhdLayer.class).diagnostics();
            assertEquals(List.of(DiagnosticCode.VHD_OVERLAPPING_BLOCKS, DiagnosticCode.VHD_INFO), codes(d));
            long block1 = 2048 + 512 + BLOCK;
            assertEquals(block1, d.get(0).offset());
            assertEquals(512 + BLOCK, d.get(0).length());
            assertEquals("block 4 at offset " + block1 + " (0x" + Long.toHexString(block1).toUpperCase()
                    + ") overlaps block 1 (" + block1 + ".." + (block1 + 512 + BLOCK) + ")", d.get(0).message());
            byte[] got = virtual(in);
            assertArrayEquals(java.util.Arrays.copyOfRange(got, BLOCK, 2 * BLOCK),
                    java.util.Arrays.copyOfRange(got, 4 * BLOCK, 5 * BLOCK), "block 4 reads block 1's bytes");
        }
    }

    @Test
    void aDiskWithoutItsDynamicHeaderIsRefusedInOneSentence() throws IOException {
        byte[] vhd = imageDisk().dynamic();
        vhd[512] = 'X';
        Path p = file("nohdr.vhd", vhd);
        FileSystemException e = assertThrows(FileSystemException.class, () -> open(p));
        assertEquals("its VHD dynamic header at offset 512 does not start with 'cxsparse'", e.getReason());
    }

    @Test
    void aFileThatIsNoVhdPassesThrough() throws IOException {
        try (Input in = open(file("img", IMAGE))) {
            assertNull(in.layer(VhdLayer.class));
            assertEquals(IMAGE.length, in.size());
        }
    }

    @Test
    void aCompressedVhdIsDecompressedThenViewed() throws IOException {
        byte[] vhd = imageDisk().dynamic();
        Path p = file("dyn.vhd.xz", org.savevminspector.io.compress.CompressedInputTest.compress(
                org.savevminspector.io.compress.Compression.XZ, vhd));
        try (Input in = open(p)) {
            assertEquals(List.of("xz", "vhd"), in.layers().stream().map(l -> l.kind()).toList());
            assertArrayEquals(expected(), virtual(in));
        }
    }
}
