package org.savevminspector.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.savevminspector.diff.DiffFixtures.changes;
import static org.savevminspector.diff.DiffFixtures.diff;
import static org.savevminspector.diff.DiffFixtures.onlyField;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.fixtures.Stream;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.CountingByteSource;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.model.Span;

/** Save images on either side: the device-model streams compared, the containers summarised, no page data read. */
class ImageDiffTest {
    @TempDir
    Path dir;

    @Test
    void imagesOfTwoKindsAroundTheSameStreamDifferOnlyInTheirContainers() {
        byte[] qevm = Fixtures.defaultGuest().bytes();
        DiffResult r = diff(SaveImageWriter.image(Kind.XL_V2, qevm, 4),
                SaveImageWriter.image(Kind.XENSERVER_V2, qevm, 8));

        assertEquals(24, r.count(DiffStatus.SAME));
        assertEquals(List.of(), changes(r));
        assertEquals(ContainerKind.XL_V2, r.a().kind());
        assertEquals(ContainerKind.XENSERVER_V2, r.b().kind());
        assertEquals(qevm.length, r.a().qevm().length());
        // sections at absolute offsets: the first one right after the 8-byte QEVM header
        assertEquals(r.a().qevm().offset() + 8, r.sections().get(0).a().header().offset());
        assertEquals(r.b().qevm().offset() + 8, r.sections().get(0).b().header().offset());

        ContainerDiff c = r.container();
        assertEquals(DiffStatus.CHANGED, c.status());
        assertEquals(List.of(
                        "kind changed xl-v2 xenserver-v2",
                        "records changed 14 12",
                        "record types changed xl-header, xl-config, libxl-header, libxl-record, libxc-header ×2, "
                                + "page-data, libxc-record ×4, libxl-record ×3 signature, xenserver-record ×2, "
                                + "libxc-header ×2, page-data, libxc-record ×4, xenserver-record ×2",
                        "page batches same 1 1",
                        "pages changed 4 8",
                        "pages with data changed 4 8",
                        "pfn range changed 0–3 0–7",
                        "page data bytes changed 16384 32768",
                        "device-model stream bytes same 7525 7525"),
                c.facts().stream().map(f -> f.name() + " " + f.status().json() + " " + f.a() + " " + f.b()).toList());
        assertFalse(r.identical(), "the containers differ");
    }

    @Test
    void anImageAgainstTheBareStreamItHoldsDiffersInItsContainerOnly() {
        byte[] qevm = Fixtures.xenServer62().bytes();
        DiffResult r = diff(SaveImageWriter.image(Kind.XENSERVER_LEGACY, qevm, 3), qevm);

        assertEquals(24, r.count(DiffStatus.SAME));
        assertEquals("raw", r.container().facts().get(0).b());
        assertEquals(0L, r.container().facts().get(4).b(), "a bare stream has no pages");
        assertEquals((long) qevm.length, r.container().facts().get(8).b());
    }

    @Test
    void aChangedStreamInsideAnImageIsReportedAtImageOffsets() {
        Stream xs = Fixtures.piix4acpiCase();
        byte[] a = SaveImageWriter.image(Kind.XL_LEGACY, xs.bytes(), 2);
        byte[] b = SaveImageWriter.image(Kind.XEND, Fixtures.piix4acpiRelabelled(), 5);
        DiffResult r = diff(a, b);

        assertEquals(List.of("piix4acpi changed [header.version_id changed]"), changes(r));
        FieldPair f = onlyField(r.sections().get(23));
        long version = xs.section("piix4acpi").bodyOffset() - 4;
        assertEquals(new Span(r.a().qevm().offset() + version, 4), f.spanA());
        assertEquals(new Span(r.b().qevm().offset() + version, 4), f.spanB());
    }

    /**
     * Two 1 GiB guests as sparse files: comparing their streams reads each stream's section bodies once, nothing of
     * the page data (which is 99.9 % of each file).
     */
    @Test
    void comparingTwoLargeImagesReadsNoPageData() throws Exception {
        long pages = 1L << 18;
        byte[] qa = Fixtures.piix4acpiCase().bytes();
        byte[] qb = Fixtures.piix4acpiUpgraded();
        Path fa = sparse("a.img", Kind.XL_V2, qa, pages);
        Path fb = sparse("b.img", Kind.XENSERVER_V2, qb, pages);
        try (MappedByteSource ma = MappedByteSource.open(fa, 1 << 20);
             MappedByteSource mb = MappedByteSource.open(fb, 1 << 20)) {
            CountingByteSource ca = new CountingByteSource(ma);
            CountingByteSource cb = new CountingByteSource(mb);
            ImageInspection ia = ImageInspector.standard().inspect(ca);
            ImageInspection ib = ImageInspector.standard().inspect(cb);
            long beforeA = ca.bytesRead();
            long beforeB = cb.bytesRead();

            DiffResult r = StructuralDiff.standard().compare(DiffInput.of("a.img", ca, ia),
                    DiffInput.of("b.img", cb, ib));

            assertEquals(List.of("piix4acpi changed [pm1a_evt_blk_address onlyB]"), changes(r));
            assertEquals(pages, r.container().facts().get(5).a());
            assertTrue(ma.size() > pages * 4096);
            // every body of both streams is read at most once by the comparison itself
            assertTrue(ca.bytesRead() - beforeA <= qa.length, "read " + (ca.bytesRead() - beforeA));
            assertTrue(cb.bytesRead() - beforeB <= qb.length, "read " + (cb.bytesRead() - beforeB));
            // and the whole job (index, inspection, comparison) stays with headers and pfn arrays
            long allowed = pages * 8 + 256 * 1024;
            assertTrue(ca.bytesRead() < allowed && cb.bytesRead() < allowed,
                    "read " + ca.bytesRead() + " and " + cb.bytesRead() + " (allowed " + allowed + ")");
        }
    }

    private Path sparse(String name, Kind kind, byte[] qevm, long pages) throws Exception {
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), kind, qevm, pages, 8, false);
            sink.finish();
        }
        return file;
    }
}
