package org.savevminspector.app.gui.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** What Find looks for: hex bytes ({@code 1F 40}, {@code 0x1f40}) or text (ASCII/UTF-8 bytes). */
public record SearchPattern(byte[] bytes, String description) {

    /** How the typed text is read: decided from the text itself, or forced to hex bytes or to text. */
    public enum Mode {
        AUTO("Auto"), HEX("Hex"), TEXT("Text");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** @throws IllegalArgumentException with a message for people when the hex is not hex */
    public static SearchPattern parse(String input, Mode mode) {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("Type the bytes or text to find.");
        }
        Mode m = mode == Mode.AUTO ? detect(input) : mode;
        if (m == Mode.TEXT) {
            return new SearchPattern(input.getBytes(StandardCharsets.UTF_8), "text \"" + input + "\"");
        }
        String h = hexDigits(input);
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("'" + input + "' is not a list of hex bytes (e.g. 1F 40 or 00001f40).");
        }
        byte[] out = HexFormat.of().parseHex(h);
        return new SearchPattern(out, "hex " + CopyFormats.hex(out));
    }

    /**
     * Hex when the input is whole bytes of hex digits and looks like it: a {@code 0x} prefix, separators between
     * the bytes, or at least one decimal digit ({@code 1F40}, {@code 00 01}); otherwise text ({@code piix4acpi},
     * {@code ACPI}). Words made only of the letters a–f ({@code cafe}) are taken as text: the Hex mode is there
     * for them.
     */
    public static Mode detect(String input) {
        String t = input.trim();
        String h = hexDigits(t);
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            return Mode.TEXT;
        }
        boolean prefixed = t.toLowerCase(java.util.Locale.ROOT).contains("0x");
        boolean separated = t.matches(".*[0-9a-fA-F][\\s,:][0-9a-fA-F].*");
        boolean digit = h.matches(".*[0-9].*");
        return prefixed || separated || digit ? Mode.HEX : Mode.TEXT;
    }

    private static String hexDigits(String input) {
        return input.replaceAll("(?i)0x", "").replaceAll("[\\s,:]", "");
    }
}
