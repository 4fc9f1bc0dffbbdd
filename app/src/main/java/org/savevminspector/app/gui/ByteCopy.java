package org.savevminspector.app.gui;

import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.savevminspector.app.gui.model.CopyFormats;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.model.Hex;

/** Edit → Copy and the context menus' copies: a session's selected bytes in three text forms, its node's value, offset or path. */
final class ByteCopy {

    /** The text forms offered for the selected bytes. */
    enum Form { HEX, C, PYTHON }

    private final ViewSession session;
    private final Consumer<String> refuse;

    /** {@code refuse} tells the user why nothing was copied (a selection too large for the clipboard). */
    ByteCopy(ViewSession session, Consumer<String> refuse) {
        this.session = session;
        this.refuse = refuse;
    }

    void bytes(Form form) {
        Document d = session.document();
        if (d == null) {
            return;
        }
        Selection s = session.selection();
        long len = Math.max(1, s.length());
        if (len > CopyFormats.MAX_COPY) {
            refuse.accept("The selection is " + len + " bytes; copying is limited to " + CopyFormats.MAX_COPY + " bytes.");
            return;
        }
        byte[] b = d.hexSource().bytes(s.start(), (int) len);
        put(switch (form) {
            case HEX -> CopyFormats.hex(b);
            case C -> CopyFormats.cArray(b, "data");
            case PYTHON -> CopyFormats.pythonBytes(b);
        });
    }

    /** The selected node's value (a field's display text; a section's path). */
    void value() {
        StructureNode n = session.selection().node();
        if (n != null) {
            put(n.field() != null ? n.field().display() : n.path());
        }
    }

    void offset() {
        if (session.document() != null) {
            put(Hex.plain(session.caret()));
        }
    }

    void path() {
        StructureNode n = session.selection().node();
        if (n != null) {
            put(n.path());
        }
    }

    private static void put(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
