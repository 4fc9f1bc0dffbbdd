package org.savevminspector.diagnostics;

/**
 * Wireshark's expert-info levels, in increasing order of gravity. The lowest is Wireshark's "chat"; users read
 * it as jargon, so it is called {@code info} wherever they see it (text, JSON since schema version 2, the viewer).
 */
public enum Severity {
    INFO("info", "none"),
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
}
