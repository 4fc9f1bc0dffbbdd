package org.savevminspector.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.io.ByteSource;

/**
 * A Xen 4.0 {@code xl save} image has no signature: it is recognised by a plausible {@code p2m_size} and first
 * chunk (FORMAT.md D.3). Every rule at its edge and one past it, with both toolstack word sizes.
 */
class SignaturelessImageTest {
    private final Xl40Walker walker = new Xl40Walker();

    /** {@code p2m_size} as a word of {@code ws} bytes, then the first chunk id, then zeros to 16 bytes. */
    private boolean recognises(int ws, long p2m, int first) {
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        SaveImageWriter w = new SaveImageWriter(sink);
        if (ws == 8) {
            w.le64(p2m);
        } else {
            w.le32(p2m);
        }
        w.le32(first).bytes(new byte[12 - ws]);
        return walker.recognises(ByteSource.of(sink.toByteArray()));
    }

    @Test
    void theFirstChunkIsTmemTscInfoOrAPageBatchOfAtMost1024() {
        for (int ws : new int[] {4, 8}) {
            assertEquals(true, recognises(ws, 16, -5), "TMEM, word size " + ws);
            assertEquals(false, recognises(ws, 16, -6), "TMEM_EXTRA never comes first, word size " + ws);
            assertEquals(true, recognises(ws, 16, -7), "TSC_INFO, word size " + ws);
            assertEquals(false, recognises(ws, 16, -1), "word size " + ws);
            assertEquals(true, recognises(ws, 16, 1), "word size " + ws);
            assertEquals(true, recognises(ws, 16, 1024), "word size " + ws);
            assertEquals(false, recognises(ws, 16, 1025), "word size " + ws);
        }
        assertEquals(false, recognises(8, 16, 0), "an empty batch");
    }

    @Test
    void theP2mSizeIsPositive() {
        assertEquals(false, recognises(8, 0, -7));
        assertEquals(true, recognises(8, 1, -7));
        assertEquals(true, recognises(4, 1, -7));
        assertEquals(true, recognises(8, 0xFFFFFFFFL, -7));
    }

    @Test
    void twelveBytesAreEnough() {
        byte[] twelve = new byte[] {16, 0, 0, 0, (byte) 0xF9, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};
        assertEquals(true, walker.recognises(ByteSource.of(twelve)));
        assertEquals(false, walker.recognises(ByteSource.of(java.util.Arrays.copyOf(twelve, 11))));
    }

    @Test
    void itIsTriedAfterEveryWalkerThatTestsASignature() {
        assertEquals(100, walker.order());
        assertEquals(ContainerKind.XL_40, walker.kind());
    }

    @Test
    void bytesAfterALengthFramedRecordAreTrailing() {
        byte[] qevm = org.savevminspector.fixtures.Fixtures.defaultGuest().bytes();
        SaveImageWriter.MemorySink sink = new SaveImageWriter.MemorySink();
        new SaveImageWriter(sink).legacyLibxc(8, 1, false).qemu0002(qevm).bytes(new byte[3]);
        byte[] bytes = sink.toByteArray();
        ContainerIndex idx = ContainerIndexer.standard().index(ByteSource.of(bytes));
        assertEquals(ContainerKind.XL_40, idx.kind());
        assertEquals(java.util.List.of("CONTAINER_TRAILING@" + (bytes.length - 3) + "+3"), idx.diagnostics().stream()
                .filter(d -> d.code() != org.savevminspector.diagnostics.DiagnosticCode.CONTAINER_INFO)
                .map(d -> d.code() + "@" + d.offset() + "+" + d.length()).toList());
    }

    @Test
    void walkersAreTriedInTheirOrderWhateverTheOrderTheyCameIn() {
        ContainerIndexer indexer = new ContainerIndexer(java.util.List.of(walker, new XlLegacyWalker()));
        assertEquals(java.util.List.of(ContainerKind.XL_LEGACY, ContainerKind.XL_40),
                indexer.walkers().stream().map(ContainerWalker::kind).toList());
    }
}
