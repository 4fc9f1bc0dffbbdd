package org.savevminspector.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageRepairPlan;
import org.savevminspector.image.ImageRepairer;
import org.savevminspector.image.Relocation;
import org.savevminspector.io.ByteSource;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.RepairStrategy;

/**
 * The repair dialog's path for save images: the stream is repaired as a bare file and the image rewritten with
 * its length fields (FORMAT.md D.7) by {@link ImageRepairer}. Runs on the dialog's worker thread with a source of its own.
 */
final class ImageRepairs {
    private ImageRepairs() {
    }

    /** One plan per strategy for the document's image (its decompressed bytes or virtual disk). */
    static Map<RepairStrategy, ImageRepairPlan> plan(Document doc, boolean trimTrailing) throws IOException {
        Map<RepairStrategy, ImageRepairPlan> out = new EnumMap<>(RepairStrategy.class);
        ImageRepairer repairer = ImageRepairer.standard();
        try (ByteSource src = doc.open()) {
            ImageInspection image = org.savevminspector.image.ImageInspector.standard().inspect(src);
            if (image.stream() == null) {
                return out;
            }
            for (RepairStrategy s : RepairStrategy.values()) {
                out.put(s, repairer.plan(src, image, new RepairOptions(s, trimTrailing)));
            }
        }
        return out;
    }

    /**
     * The stream plan the dialog shows: at file offsets, as the hex pane and the tree speak (the dialog adds each
     * edit's stream offset), refused when the image around it cannot be written.
     */
    static RepairPlan shown(ImageRepairPlan p) {
        RepairPlan s = new Relocation(p.index().qevm().offset()).plan(p.stream());
        String refusal = s.refusal() != null ? s.refusal() : p.refusal();
        return new RepairPlan(s.options(), s.edits(), s.result(), s.before(), s.after(), s.fixed(), s.remaining(),
                s.introduced(), refusal, s.acceptedBy());
    }

    static void write(Document doc, ImageRepairPlan p, Path out, boolean force) throws IOException,
            RepairRefusedException {
        try (ByteSource src = doc.open()) {
            ImageRepairer.standard().write(src, p, doc.original(), out, force);
        }
    }
}
