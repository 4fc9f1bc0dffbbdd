package org.savevminspector.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;

/**
 * The committed sample file in ui-resources must be exactly what the fixture writer produces, so the sample and the
 * fixtures written from docs/FORMAT.md cannot drift apart. Regenerate with {@code org.savevminspector.fixtures.WriteSample}.
 */
class BundledSampleTest {

    static final String SAMPLE = "/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm";

    @Test
    void committedSampleEqualsFixture() throws IOException {
        try (InputStream in = BundledSampleTest.class.getResourceAsStream(SAMPLE)) {
            assertNotNull(in, "sample resource missing on the classpath: " + SAMPLE);
            assertArrayEquals(Fixtures.sample(), in.readAllBytes(),
                    "regenerate with: java -cp parser/target/test-classes org.savevminspector.fixtures.WriteSample");
        }
    }
}
