package org.savevminspector.app.gui.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** What Find looks for: hex bytes ({@code 1F 40}, {@code 0x1f40}) or text (ASCII/UTF-8 bytes). */
public record SearchPattern(byte[] bytes, String description) {

    /** Whether the typed text is hex bytes or text to look for as its UTF-8 bytes. */
    public enum Mode { HEX, TEXT }

    /** @throws IllegalArgumentException with a message for people when the hex is not hex */
    public static SearchPattern parse(String input, Mode mode) {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("Type the bytes or text to find.");
        }
        if (mode == Mode.TEXT) {
            return new SearchPattern(input.getBytes(StandardCharsets.UTF_8), "\"" + input + "\"");
        }
        String h = input.replaceAll("(?i)0x", "").replaceAll("[\\s,:]", "");
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("'" + input + "' is not a list of hex bytes (e.g. 1F 40 or 00001f40).");
        }
        byte[] out = HexFormat.of().parseHex(h);
        return new SearchPattern(out, CopyFormats.hex(out));
    }
}
