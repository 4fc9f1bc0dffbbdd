package org.savevminspector.io.vhd;

/**
 * The checksum of the footer and of the dynamic header (VHD specification): the one's complement of the sum of
 * all their bytes, the checksum field itself left out.
 */
final class VhdChecksum {
    private VhdChecksum() {
    }

    /** Over {@code b}, skipping the four bytes at {@code checksumAt}. */
    static long of(byte[] b, int checksumAt) {
        long sum = 0;
        for (int i = 0; i < b.length; i++) {
            if (i < checksumAt || i >= checksumAt + 4) {
                sum += b[i] & 0xFF;
            }
        }
        return ~sum & 0xFFFFFFFFL;
    }
}
