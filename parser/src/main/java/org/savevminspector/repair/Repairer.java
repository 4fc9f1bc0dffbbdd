package org.savevminspector.repair;

import java.io.IOException;
import java.nio.file.Path;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/** Plans, verifies and writes repairs. (Being implemented.) */
public final class Repairer {
    private final Inspector inspector;

    public Repairer(Inspector inspector) {
        this.inspector = inspector;
    }

    /** Works out the edits for {@code options}, applies them to a copy and re-inspects the copy. */
    public RepairPlan plan(ByteSource src, Inspection before, RepairOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Writes {@code plan.result()} to {@code out} atomically (temporary file in the target directory, flush,
     * rename). Refuses to write onto {@code input} (same path or same file), onto an existing file unless
     * {@code force}, or a plan that is not {@link RepairPlan#acceptable() acceptable}.
     *
     * @throws RepairRefusedException with the reason when it refuses
     * @throws IOException            when writing fails (nothing is left behind)
     */
    public void write(RepairPlan plan, Path input, Path out, boolean force)
            throws IOException, RepairRefusedException {
        throw new UnsupportedOperationException("not yet");
    }
}
