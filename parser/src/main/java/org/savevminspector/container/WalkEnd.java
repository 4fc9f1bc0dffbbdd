package org.savevminspector.container;

import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;

/** What every walker checks when its format says the image is over. */
final class WalkEnd {
    private WalkEnd() {
    }

    static void check(ImageWalk w, long end, String what) {
        if (end >= 0 && end < w.size) {
            w.error(DiagnosticCode.CONTAINER_TRAILING, "after-end", end, w.size - end, w.size - end, what,
                    Offset.of(end));
        }
    }
}
