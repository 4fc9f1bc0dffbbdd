package org.savevminspector.loader;

/**
 * Ports a registration claims: {@code start, start + step, …} below {@code start + length} (docs/FORMAT.md B.5.3: only
 * the visited ports are claimed and checked; a byte handler visits every port).
 */
record PortRange(long start, long length, int step) {

    public PortRange {
        if (step != 1 && step != 2 && step != 4) {
            throw new IllegalArgumentException("handler width must be 1, 2 or 4, not " + step);
        }
    }

    public static PortRange bytes(long start, long length) {
        return new PortRange(start, length, 1);
    }

    public static PortRange single(long port) {
        return new PortRange(port, 1, 1);
    }

    public long end() {
        return start + length;
    }
}
