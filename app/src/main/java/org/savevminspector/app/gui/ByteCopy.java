package org.savevminspector.app.gui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.savevminspector.app.gui.model.CopyFormats;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Span;

/**
 * Edit → Copy and the context menus' copies: bytes in three text forms, a node's value, offset or path; each says
 * what it put on the clipboard ("Copied 4 bytes as hex"). Which bytes depends on where the user is: with the tree
 * focused, the selected node's; elsewhere the selected range (a drag in the hex pane, a problem's bytes, a find
 * match), or the selected node's when only a caret is placed — what the hex pane shows as selected.
 */
final class ByteCopy {

    /** The text forms offered for the selected bytes, with the words the status bar says them in. */
    enum Form {
        HEX("hex"), C("a C array"), PYTHON("Python bytes");

        final String words;

        Form(String words) {
            this.words = words;
        }
    }

    private final ViewSession session;
    private final Consumer<String> refuse;
    private final Consumer<String> say;
    private BooleanSupplier treeFocused = () -> false;

    /**
     * {@code refuse} tells the user why nothing was copied (a selection too large for the clipboard); {@code say}
     * what was copied.
     */
    ByteCopy(ViewSession session, Consumer<String> refuse, Consumer<String> say) {
        this.session = session;
        this.refuse = refuse;
        this.say = say;
    }

    /** Whether the tree has the focus: then a copy takes the selected node's bytes. */
    void setTreeFocused(BooleanSupplier f) {
        this.treeFocused = f;
    }

    /** The bytes a copy takes now (see the class comment), or {@code null} with no file. */
    Span range() {
        Document d = session.document();
        if (d == null) {
            return null;
        }
        Selection s = session.selection();
        StructureNode n = s.node();
        boolean nodeBytes = n != null && n.span().length() > 0 && (treeFocused.getAsBoolean() || s.length() <= 1);
        return nodeBytes ? n.span() : new Span(s.start(), Math.max(1, s.length()));
    }

    void bytes(Form form) {
        Span r = range();
        if (r == null) {
            return;
        }
        if (r.length() > CopyFormats.MAX_COPY) {
            refuse.accept("The selection is " + r.length() + " bytes; copying is limited to " + CopyFormats.MAX_COPY
                    + " bytes.");
            return;
        }
        byte[] b = session.document().hexSource().bytes(r.offset(), (int) r.length());
        put(switch (form) {
            case HEX -> CopyFormats.hex(b);
            case C -> CopyFormats.cArray(b, "data");
            case PYTHON -> CopyFormats.pythonBytes(b);
        });
        say.accept("Copied " + b.length + (b.length == 1 ? " byte" : " bytes") + " as " + form.words + " (from "
                + Hex.plain(r.offset()) + ")");
    }

    /** The selected node's value (a field's display text; a section's path). */
    void value() {
        StructureNode n = session.selection().node();
        if (n != null) {
            put(n.field() != null ? n.field().display() : n.path());
            say.accept("Copied the value of " + n.name());
        }
    }

    void offset() {
        if (session.document() != null) {
            put(Hex.plain(session.caret()));
            say.accept("Copied offset " + OffsetFormat.hexAndDecimal(session.caret()));
        }
    }

    void path() {
        StructureNode n = session.selection().node();
        if (n != null) {
            put(n.path());
            say.accept("Copied the node path " + n.path());
        }
    }

    private static void put(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
