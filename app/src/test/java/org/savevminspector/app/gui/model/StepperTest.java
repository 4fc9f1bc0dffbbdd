package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StepperTest {
    private final Stepper s = new Stepper(new StructureTree(Samples.SAMPLE_INSPECTION));

    @Test
    void sectionsStepByHeaderOffset() {
        assertEquals(0, s.nextSection(0));
        assertEquals(1, s.nextSection(8));
        assertEquals(23, s.nextSection(7100));
        assertEquals(-1, s.nextSection(7211));
        assertEquals(22, s.previousSection(7211));
        assertEquals(23, s.previousSection(7300)); // inside piix4acpi: back to its own start
        assertEquals(-1, s.previousSection(8));
    }

    @Test
    void fieldsStepThroughLeavesOfTheCurrentSectionOnly() {
        assertEquals("section_id", s.nextField(7211).name());
        assertEquals("pm1_control", s.nextField(7506).name());
        assertNull(s.nextField(7510));
        assertEquals("pci.irq_state[3]", s.previousField(7511).name());
        assertEquals("vendor_id", s.nextField(7234).name());
        assertNull(s.previousField(7211));
        assertNull(s.nextField(7515)); // trailing bytes are not a section
    }

    @Test
    void problemsStepInOffsetOrderAndWrap() {
        int n = Samples.SAMPLE_INSPECTION.diagnostics().size();
        int first = s.nextProblem(-1, 0);
        assertEquals(0, first);
        assertEquals(1, s.nextProblem(0, 0));
        assertEquals(0, s.nextProblem(n - 1, 0));
        assertEquals(n - 1, s.previousProblem(0, 0));
        int fromCursor = s.nextProblem(-1, 7230);
        assertEquals(7230, Samples.SAMPLE_INSPECTION.diagnostics().get(fromCursor).offset());
    }
}
