package org.savevminspector.report;

/**
 * Text from a file or a user — an idstr, a file name, a string in a device's registers — made safe to print: a
 * character that is not printable is replaced by an escape, as {@code ls -b} and {@code git} show names, so that
 * {@code ESC[31m} or {@code ESC]0;title BEL} in an idstr can neither colour nor retitle the terminal, and a newline
 * in a file name cannot forge a report line. Printable Unicode (letters of any script, {@code →}, {@code –}) is
 * kept as it is; a backslash is kept too, so the escaped form is for reading, not for parsing back.
 *
 * <ul>
 *   <li>{@code \t}, {@code \n}, {@code \r}, {@code \a}, {@code \b}, {@code \v}, {@code \f} for those controls;
 *   <li>{@code \xNN} for the other C0 controls, DEL and the C1 controls (U+0080–U+009F, which some terminals obey
 *       as escape sequences), so an idstr byte reads as that byte;
 *   <li>a backslash, {@code u} and four hex digits (a capital {@code U} and eight beyond the BMP) for the
 *       invisible rest: format characters (bidirectional overrides, zero-width spaces), line and paragraph
 *       separators, unpaired surrogates, unassigned code points.
 * </ul>
 */
public final class PrintableText {
    private PrintableText() {
    }

    /** Whether {@code cp} may be printed as it is. */
    public static boolean isPrintable(int cp) {
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            return false;
        }
        if (cp < 0x7F) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }

    /** {@code s} with every character that is not {@link #isPrintable printable} escaped; {@code null} stays null. */
    public static String escape(CharSequence s) {
        if (s == null) {
            return null;
        }
        String str = s.toString();
        int i = 0;
        while (i < str.length()) {
            int cp = str.codePointAt(i);
            if (!isPrintable(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == str.length()) {
            return str; // the usual case: nothing to do, no copy
        }
        StringBuilder sb = new StringBuilder(str.length() + 16).append(str, 0, i);
        while (i < str.length()) {
            int cp = str.codePointAt(i);
            if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else {
                appendEscape(sb, cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The escape of one character that is not printable. */
    static void appendEscape(StringBuilder sb, int cp) {
        switch (cp) {
            case 0x07 -> sb.append("\\a");
            case 0x08 -> sb.append("\\b");
            case 0x09 -> sb.append("\\t");
            case 0x0A -> sb.append("\\n");
            case 0x0B -> sb.append("\\v");
            case 0x0C -> sb.append("\\f");
            case 0x0D -> sb.append("\\r");
            default -> {
                if (cp < 0x100) {
                    sb.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
            }
        }
    }
}
