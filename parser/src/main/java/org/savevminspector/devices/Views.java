package org.savevminspector.devices;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.savevminspector.devices.layout.BytesView;
import org.savevminspector.model.Field;

/** Descriptions of byte runs and groups as a whole: MAC addresses, the RTC date in CMOS RAM and in {@code tm_*}. */
public final class Views {

    private Views() {
    }

    /** Six bytes as an Ethernet MAC address, with Xen's OUI named. */
    public static final BytesView MAC = (src, at, n) -> {
        if (n != 6) {
            return null;
        }
        byte[] b = Arrays.copyOf(src.bytes(at, 6), 6);
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        if ((b[0] & 1) != 0) {
            sb.append(" (multicast bit set: not a station address)");
        } else if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x16 && (b[2] & 0xFF) == 0x3E) {
            sb.append(" (Xen OUI 00:16:3E)");
        }
        return sb.toString();
    };

    /**
     * The MC146818 CMOS RAM (128 bytes): the RTC date and time its clock registers hold (0x00 seconds, 0x02
     * minutes, 0x04 hours, 0x07 day, 0x08 month, 0x09 year, 0x32 century as PC firmware keeps it), in BCD or binary
     * and 12- or 24-hour mode as register B (0x0B) says.
     */
    public static final BytesView CMOS_RTC = (src, at, n) -> {
        if (n < 0x33) {
            return null;
        }
        byte[] c = Arrays.copyOf(src.bytes(at, 0x33), 0x33);
        int regB = c[0x0B] & 0xFF;
        boolean binary = (regB & 0x04) != 0;
        boolean h24 = (regB & 0x02) != 0;
        int sec = num(c[0x00], binary);
        int min = num(c[0x02], binary);
        int rawHour = c[0x04] & 0xFF;
        int hour = num((byte) (rawHour & 0x7F), binary);
        if (!h24) {
            hour = (hour % 12) + ((rawHour & 0x80) != 0 ? 12 : 0);
        }
        int day = num(c[0x07], binary);
        int month = num(c[0x08], binary);
        int year = num(c[0x09], binary);
        int century = num(c[0x32], binary);
        String date = String.format(Locale.ROOT, "%02d%02d-%02d-%02d %02d:%02d:%02d", century, year, month, day,
                hour, min, sec);
        boolean valid = sec < 60 && min < 60 && hour < 24 && day >= 1 && day <= 31 && month >= 1 && month <= 12
                && year < 100 && century < 100;
        return "RTC " + date + (valid ? "" : " (not a valid date)") + (binary ? ", binary" : ", BCD")
                + (h24 ? ", 24-hour" : ", 12-hour") + "; register A " + Field.hex(c[0x0A] & 0xFF, 1) + ", B "
                + Field.hex(regB, 1);
    };

    /**
     * The PCI hot-plug slot status of {@code pci_devfn} (FORMAT.md B.3.25): two 4-bit nibbles per byte, devfn 2k in the low
     * nibble and 2k+1 in the high one; lists the devfns whose nibble is set (0xF = function present).
     */
    public static final BytesView PHP_DEVFN_STATUS = (src, at, n) -> {
        byte[] b = Arrays.copyOf(src.bytes(at, (int) n), (int) n);
        StringBuilder sb = new StringBuilder();
        int set = 0;
        for (int i = 0; i < b.length; i++) {
            for (int half = 0; half < 2; half++) {
                int nibble = half == 0 ? b[i] & 0x0F : (b[i] >> 4) & 0x0F;
                if (nibble != 0) {
                    int devfn = 2 * i + half;
                    if (set++ < 8) {
                        sb.append(set == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%02x.%d", devfn >> 3,
                                devfn & 7)).append(nibble == 0xF ? "" : "=" + Integer.toHexString(nibble));
                    }
                }
            }
        }
        if (set == 0) {
            return "no hot-plug slot in use";
        }
        return set + (set == 1 ? " function: " : " functions: ") + sb + (set > 8 ? ", …" : "");
    };

    private static int num(byte b, boolean binary) {
        int v = b & 0xFF;
        return binary ? v : (v >> 4) * 10 + (v & 0x0F);
    }

    private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    /** The broken-down {@code struct tm} words of {@code rtc_save} as a date ({@code tm_mon} 0-based, years since 1900). */
    public static String tmDate(List<Field> tm) {
        long sec = value(tm, "tm_sec");
        long min = value(tm, "tm_min");
        long hour = value(tm, "tm_hour");
        long wday = value(tm, "tm_wday");
        long mday = value(tm, "tm_mday");
        long mon = value(tm, "tm_mon");
        long year = value(tm, "tm_year");
        if (sec < 0 || min < 0 || hour < 0 || mday < 0 || mon < 0 || year < 0) {
            return null;
        }
        String date = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", 1900 + year, mon + 1, mday, hour,
                min, sec);
        String day = wday >= 0 && wday < 7 ? " (" + WEEKDAYS[(int) wday] + ")" : "";
        boolean valid = sec < 61 && min < 60 && hour < 24 && mday >= 1 && mday <= 31 && mon < 12;
        return date + day + (valid ? "" : " (not a valid date)");
    }

    private static long value(List<Field> fields, String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return -1;
    }
}
