package org.savevminspector.container;

import org.savevminspector.io.ByteSource;

/**
 * Recognises and walks one kind of save image. Walkers are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.savevminspector.container.ContainerWalker}): a new kind is one new class and
 * one line there, never a branch in a central switch.
 */
public interface ContainerWalker {

    ContainerKind kind();

    /**
     * Order of the recognition attempts, lowest first: walkers that test a signature come before those that
     * recognise a file by plausibility only (Xen 4.0 {@code xl} images have no signature).
     */
    default int order() {
        return 0;
    }

    /** Whether the first bytes of {@code src} are this kind's. Reads at most a few hundred bytes. */
    boolean recognises(ByteSource src);

    /** Walks the whole image, adding records, diagnostics, the QEVM span and its length fields to {@code walk}. */
    void walk(ImageWalk walk);

    /** Whether the file begins with {@code signature} (ASCII), the test most container kinds start from. */
    static boolean startsWith(ByteSource src, String signature) {
        return ImageWalk.holds(src, 0, signature);
    }
}
