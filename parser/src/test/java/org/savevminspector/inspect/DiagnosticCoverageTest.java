package org.savevminspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.BrokenImages;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;

/**
 * Every diagnostic code is produced by some input: a code nothing emits is dead, and a regression that stops
 * emitting one fails here. Each input is a fixture named after the situation it stands for.
 */
class DiagnosticCoverageTest {

    @Test
    void everyCodeIsEmittedByTheFixtures() {
        List<byte[]> inputs = new ArrayList<>(Fixtures.all().values());
        inputs.add(Edit.of(Fixtures.piix4acpiCase()).version("piix4acpi", 3).bytes());
        inputs.add(orphanEnd());
        inputs.add(duplicateWithLowerId());
        inputs.addAll(DeviceFixtures.all().values());
        inputs.addAll(BrokenImages.all().values());
        Set<DiagnosticCode> seen = EnumSet.noneOf(DiagnosticCode.class);
        for (byte[] b : inputs) {
            // the image inspection: a bare stream gives exactly the Inspector's diagnostics, an image adds its own
            for (Diagnostic d : ImageInspector.standard().inspect(ByteSource.of(b)).inspection().diagnostics()) {
                seen.add(d.code());
            }
        }
        assertEquals(EnumSet.allOf(DiagnosticCode.class), seen);
    }

    /** An END section whose START never came: upstream stops with "Unknown savevm section 1". */
    private static byte[] orphanEnd() {
        return StreamBuilder.v3().end(1, new byte[0]).eof().build().bytes();
    }

    /** The timer section written twice, the second time with a section id that does not increase. */
    private static byte[] duplicateWithLowerId() {
        byte[] timer = new byte[] {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78};
        return StreamBuilder.v3().ramLive(1).full(3, "timer", 0, 2, timer).full(2, "timer", 0, 2, timer).eof().build()
                .bytes();
    }
}
