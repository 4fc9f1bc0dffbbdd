package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;

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
    void problemsStepFromTheCursorAndSayWhenTheyWrap() {
        var ds = Samples.SAMPLE_INSPECTION.diagnostics();
        int n = ds.size();
        assertEquals(new Stepper.ProblemStep(0, false), s.nextProblem(-1, 0));
        // on problem 0: go on to 1; from the last one: round to the first, saying so
        assertEquals(new Stepper.ProblemStep(1, false), s.nextProblem(0, s.anchor(ds.get(0))));
        assertEquals(new Stepper.ProblemStep(0, true), s.nextProblem(n - 1, s.anchor(ds.get(n - 1))));
        assertEquals(new Stepper.ProblemStep(n - 1, true), s.previousProblem(0, s.anchor(ds.get(0))));
        // the cursor moved away from the last problem visited: stepping continues from the cursor
        Stepper.ProblemStep fromCursor = s.nextProblem(0, 7229);
        assertEquals(7230, ds.get(fromCursor.index()).offset());
        assertFalse(fromCursor.wrapped());
        assertEquals(new Stepper.ProblemStep(0, true), s.nextProblem(-1, 7519));
        Stepper.ProblemStep back = s.previousProblem(0, 7300);
        assertEquals(7234, ds.get(back.index()).offset());
        // problems sharing an offset are each visited
        int overrun = back.index() + 1;
        assertEquals(ds.get(overrun).offset(), ds.get(overrun + 1).offset());
        assertEquals(overrun + 1, s.nextProblem(overrun, s.anchor(ds.get(overrun))).index());
        // the first error, not the first note, is what a file opens on
        assertEquals(DiagnosticCode.VERSION_LABEL_MISMATCH, ds.get(s.firstGravest()).code());
    }

    @Test
    void nextFieldFromASectionRowEntersItsFirstField() {
        assertEquals("section_type", s.nextField(7211, true).name());
        assertEquals("section_id", s.nextField(7211, false).name());
    }
}
