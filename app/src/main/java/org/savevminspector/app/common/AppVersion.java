package org.savevminspector.app.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.savevminspector.report.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * The application version, taken from the Maven project version through the filtered resource
 * {@code org/savevminspector/app/version.properties} (so there is one place to bump it: the poms). The package
 * carries the same string as its upstream version (packaging/package-linux.sh), so {@code --version} inside
 * package 0.1.0-1 says 0.1.0.
 */
public final class AppVersion implements IVersionProvider {
    static final String RESOURCE = "/org/savevminspector/app/version.properties";

    /** The version string, e.g. {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " (build with Maven)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank() || v.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by Maven");
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Name and version for report headers (JSON {@code tool}, SARIF {@code driver}). */
    public static ToolInfo toolInfo() {
        return ToolInfo.of(version());
    }

    @Override
    public String[] getVersion() {
        return new String[] {ToolInfo.NAME + " " + version()};
    }
}
