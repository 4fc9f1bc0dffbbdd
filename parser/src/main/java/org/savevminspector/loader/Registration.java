package org.savevminspector.loader;

/**
 * What happened when a device registered handlers on a range.
 *
 * @param collision the first visited port that another non-NULL token owns, or -1 (qemu then aborts)
 * @param owner     that port's owner, or {@code null}
 * @param overflow  visited ports at or above 0x10000: qemu-dm has no bounds check and writes past its tables
 *                  (FORMAT.md B.5.3), which we count but cannot place
 * @param claimed   ports whose token is now the caller's
 */
record Registration(long collision, PortOwner owner, long overflow, long claimed) {

    public boolean collided() {
        return collision >= 0;
    }
}
