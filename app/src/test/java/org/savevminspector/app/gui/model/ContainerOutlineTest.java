package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.SaveImageWriter.Kind;
import org.savevminspector.io.ByteSource;

class ContainerOutlineTest {
    private static final byte[] QEVM = Fixtures.defaultGuest().bytes();

    @Test
    void recordsThenTheStreamInFileOrderWithLazyPageBatches() {
        byte[] image = SaveImageWriter.image(Kind.XL_V2, QEVM, 2100);
        ByteSource src = ByteSource.of(image);
        ContainerOutline o = new ContainerOutline(ContainerIndexer.standard().index(src));
        List<ContainerOutline.Node> roots = o.roots();
        for (int i = 1; i < roots.size(); i++) {
            assertTrue(roots.get(i - 1).span().offset() <= roots.get(i).span().offset(), roots.toString());
        }
        ContainerOutline.Node qevm = roots.stream().filter(n -> n.kind() == ContainerOutline.Kind.QEVM).findFirst()
                .orElseThrow();
        assertEquals(image.length - QEVM.length - 8 - qevmPadding(QEVM.length), qevm.span().offset());
        ContainerOutline.Node run = roots.stream().filter(n -> n.kind() == ContainerOutline.Kind.PAGE_RUN).findFirst()
                .orElseThrow();
        assertTrue(run.value().contains("3 batch(es)"), run.value());
        assertTrue(run.value().contains("2,100 page(s)"), run.value());
        assertTrue(run.value().contains("pfn 0x0..0x833"), run.value());
        List<ContainerOutline.Node> batches = o.children(run, src);
        assertEquals(3, batches.size());
        assertEquals(run.span().end(), batches.get(2).span().end());
        ContainerOutline.Node header = roots.get(0);
        assertEquals("xl save header", header.label());
        assertEquals("magic", o.children(header, src).get(0).label());
        assertNull(o.embeddedOffer());
    }

    @Test
    void offersTheEmbeddedStreamOfAnUnknownFile() {
        byte[] file = Arrays.copyOf(new byte[64], 64 + QEVM.length);
        System.arraycopy(QEVM, 0, file, 64, QEVM.length);
        ContainerOutline o = new ContainerOutline(ContainerIndexer.standard().index(ByteSource.of(file)));
        assertNotNull(o.embeddedOffer());
        assertEquals("A QEVM stream starts at offset 0x40 (64) of this file.", o.embeddedOffer()); // issue 18: hex first
    }

    private static int qevmPadding(int len) {
        return (8 - (8 + len) % 8) % 8;
    }
}
