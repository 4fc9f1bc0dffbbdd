package org.savevminspector.io.vhd;

import java.nio.charset.StandardCharsets;

/**
 * One parent locator entry of a differencing VHD's header (VHD specification, "Parent Locator Entries"): where
 * the parent's path is stored and in which platform's form.
 *
 * @param entryOffset file offset of the 24-byte entry
 * @param platformCode {@code W2ku} (absolute Windows path, UTF-16LE), {@code W2ru} (relative, UTF-16LE),
 *                     {@code MacX} (a file URL, UTF-8: what blktap writes), {@code Wi2k}/{@code Wi2r}
 *                     (deprecated), {@code Mac } (an alias blob)
 * @param dataSpace    space reserved for the path (sectors by the specification; some writers give bytes)
 * @param dataLength   bytes of the path
 * @param dataOffset   file offset of the path
 * @param path         the path as stored, or {@code null} when it could not be read
 */
public record ParentLocator(long entryOffset, long platformCode, long dataSpace, long dataLength, long dataOffset,
                            String path) {

    public static final long W2KU = 0x57326B75L;
    public static final long W2RU = 0x57327275L;
    public static final long MACX = 0x4D616358L;

    /** The platform code as its four characters. */
    public String platform() {
        byte[] b = {(byte) (platformCode >>> 24), (byte) (platformCode >>> 16), (byte) (platformCode >>> 8),
            (byte) platformCode};
        return VhdFooter.ascii(b, 0, 4);
    }

    /** Decodes {@code data} as this platform stores a path; {@code null} for a form that holds no text. */
    String decode(byte[] data) {
        if (platformCode == W2KU || platformCode == W2RU) {
            return strip(new String(data, StandardCharsets.UTF_16LE));
        }
        if (platformCode == MACX) {
            return strip(new String(data, StandardCharsets.UTF_8));
        }
        return null;
    }

    private static String strip(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    ParentLocator withPath(String p) {
        return new ParentLocator(entryOffset, platformCode, dataSpace, dataLength, dataOffset, p);
    }
}
