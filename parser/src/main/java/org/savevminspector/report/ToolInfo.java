package org.savevminspector.report;

import java.util.Objects;

/**
 * Name and version of the program that produced a report ({@code "tool":{"name","version"}} in JSON, the SARIF
 * {@code tool.driver}).
 */
public record ToolInfo(String name, String version) {

    public static final String NAME = "savevm-inspector";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    public static ToolInfo of(String version) {
        return new ToolInfo(NAME, version);
    }
}
