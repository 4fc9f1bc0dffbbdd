package org.savevminspector.loader;

/**
 * A change the simulated load makes to qemu-dm's I/O-port table (FORMAT.md B.5.4).
 *
 * @param section index of the section whose load made the change
 * @param device  the device moving its ports
 * @param action  {@code unmap}, {@code map}, {@code collision} (abort), {@code overflow} (past port 0xFFFF)
 * @param start   first port
 * @param length  number of ports
 * @param owner   for a collision: the device that already owns the port
 * @param message one line for people
 */
public record PortEvent(int section, String device, String action, long start, long length, String owner,
                        String message) {

    /** The values of {@code action}, as the JSON report writes them. */
    public static final String UNMAP = "unmap";
    public static final String MAP = "map";
    public static final String COLLISION = "collision";
    public static final String OVERFLOW = "overflow";
}
