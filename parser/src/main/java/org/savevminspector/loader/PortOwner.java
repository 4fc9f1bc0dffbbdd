package org.savevminspector.loader;

/**
 * The owner token ({@code opaque} pointer) qemu-dm stores per I/O port (docs/FORMAT.md B.5.3). Two registrations
 * collide when their tokens differ; {@link #NULL} is qemu's NULL token, which any later registration takes over.
 *
 * @param name   who owns the port, for people (e.g. {@code ISA DMA controller 0})
 * @param source where qemu-dm registers it, e.g. {@code hw/dma.c:dma_init2}
 */
public record PortOwner(String name, String source) {

    /** Ports registered with a NULL opaque (platform fixed I/O, POST port, port 92, …). */
    public static final PortOwner NULL = new PortOwner("(NULL token)", "");

    public boolean isNull() {
        return this == NULL;
    }

    /** {@code name (source)} when the source is known. */
    public String describe() {
        return source.isEmpty() ? name : name + " (" + source + ")";
    }
}
