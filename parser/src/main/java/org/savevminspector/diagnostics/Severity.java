package org.savevminspector.diagnostics;

/** Wireshark's expert-info levels, in increasing order of gravity. */
public enum Severity {
    CHAT("chat", "none"),
    NOTE("note", "note"),
    WARN("warn", "warning"),
    ERROR("error", "error");

    private final String json;
    private final String sarifLevel;

    Severity(String json, String sarifLevel) {
        this.json = json;
        this.sarifLevel = sarifLevel;
    }

    public String json() {
        return json;
    }

    /** SARIF 2.1.0 {@code result.level}. */
    public String sarifLevel() {
        return sarifLevel;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.json.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected chat, note, warn or error)");
    }
}
