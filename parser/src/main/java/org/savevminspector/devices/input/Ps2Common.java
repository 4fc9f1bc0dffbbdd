package org.savevminspector.devices.input;

import static org.savevminspector.devices.layout.Layout.be32;
import static org.savevminspector.devices.layout.Layout.bytes;
import static org.savevminspector.devices.layout.Layout.sbe32;
import static org.savevminspector.devices.layout.Layout.seq;

import org.savevminspector.devices.layout.Element;
import org.savevminspector.model.Hex;

/** The part every PS/2 device saves first: pending command and the 256-byte queue ({@code QT hw/ps2.c:ps2_common_save}). */
final class Ps2Common {

    /** {@code PS2_QUEUE_SIZE}. */
    static final int QUEUE_SIZE = 256;

    private Ps2Common() {
    }

    static Element element() {
        return seq(
                sbe32("write_cmd").means(v -> v == -1 ? "none" : "command " + Hex.plain(v & 0xFF)),
                be32("queue.rptr"),
                be32("queue.wptr"),
                be32("queue.count"),
                bytes("queue.data", QUEUE_SIZE));
    }
}
