package org.savevminspector.model;

/** What the first 8 bytes say the file is (FORMAT.md A.2). */
public enum StreamFormat {
    QEVM_V3("qevm-v3"),
    QEVM_V2("qevm-v2"),
    QEVM_V1("qevm-v1"),
    UNKNOWN("unknown");

    private final String json;

    StreamFormat(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
