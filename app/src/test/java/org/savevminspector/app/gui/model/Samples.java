package org.savevminspector.app.gui.model;

import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/** Inspections of fixture bytes, shared by the view-model tests. */
final class Samples {
    static final byte[] SAMPLE = Fixtures.sample();
    static final Inspection SAMPLE_INSPECTION = inspect(SAMPLE);
    /** Offset of the piix4acpi header (docs/FORMAT.md E.1 with gpe v1; the fixture tests pin it). */
    static final long PIIX4ACPI = 7211;

    private Samples() {
    }

    static Inspection inspect(byte[] bytes) {
        return Inspector.standard().inspect(ByteSource.of(bytes));
    }
}
