package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.CountingByteSource;
import org.savevminspector.io.MappedByteSource;

/**
 * A 1 GiB guest written as a sparse file: indexing must read the record headers and pfn arrays only, and without
 * the pfn arrays ({@link ContainerIndexer#headersOnly}) the record headers alone. Page
 * contents are 99.8 % of the file, so a walk that read them would read hundreds of times more than allowed.
 */
class SparseImageIndexTest {
    private static final long PAGES = 1L << 18; // 1 GiB of guest memory

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"XL_LEGACY", "XL_V2", "XENSERVER_V2"})
    void indexingReadsHeadersNotPages(Kind kind) throws Exception {
        byte[] qevm = Fixtures.defaultGuest().bytes();
        Path file = dir.resolve("guest.img");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), kind, qevm, PAGES, 8, false);
            sink.finish();
        }
        try (MappedByteSource mapped = MappedByteSource.open(file, 1 << 20)) {
            CountingByteSource counting = new CountingByteSource(mapped);
            ContainerIndex idx = ContainerIndexer.standard().index(counting);
            long size = mapped.size();
            assertTrue(size > PAGES * 4096, "the image holds the pages: " + size);
            assertEquals(size - qevm.length - (kind == Kind.XL_LEGACY ? 0 : kind == Kind.XL_V2 ? 8 : 16),
                    idx.qevm().offset() + (kind == Kind.XL_V2 ? idx.padding().length() : 0));
            PageRun pages = idx.records().stream().filter(r -> r.pages() != null).findFirst().orElseThrow().pages();
            assertEquals(PAGES, pages.pagesWithData());
            assertEquals(PAGES * 4096, pages.payloadBytes());
            // headers: 4-8 bytes per record, the pfn arrays are 8 bytes per page (0.2 % of the page data)
            long allowed = PAGES * 8 + 64 * 1024;
            assertTrue(counting.bytesRead() < allowed, "read " + counting.bytesRead() + " bytes of " + size
                    + " (allowed " + allowed + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"XL_V2", "XENSERVER_V2"})
    void headersOnlyReadsNoPfnArray(Kind kind) throws Exception {
        Path file = dir.resolve("guest.img");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SaveImageWriter.FileSink sink = new SaveImageWriter.FileSink(ch, true);
            SaveImageWriter.write(new SaveImageWriter(sink), kind, Fixtures.defaultGuest().bytes(), PAGES, 8, false);
            sink.finish();
        }
        try (MappedByteSource mapped = MappedByteSource.open(file, 1 << 20)) {
            CountingByteSource counting = new CountingByteSource(mapped);
            ContainerIndex idx = ContainerIndexer.standard().headersOnly().index(counting);
            PageRun pages = idx.records().stream().filter(r -> r.pages() != null).findFirst().orElseThrow().pages();
            assertEquals(PAGES, pages.pagesWithData());
            assertEquals(PAGES / 1024, pages.batches());
            // 8 bytes of record header, 4 of count and up to 7 of padding per 1024 pages, and the other records
            assertTrue(counting.bytesRead() < 16 * 1024, "read " + counting.bytesRead() + " bytes");
        }
    }
}
