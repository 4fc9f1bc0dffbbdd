package org.savevminspector.app.gui.hex;

import javafx.scene.input.KeyEvent;

/** The keys that move the hex pane's caret: arrows, pages, Home/End (row), Ctrl+Home/End (file). */
final class HexKeys {
    private HexKeys() {
    }

    /** The caret move {@code e} asks for, or {@code null}: the key is left to others (Alt+Up/Down steps sections). */
    static HexCaret.Move move(KeyEvent e) {
        HexCaret.Move move = switch (e.getCode()) {
            case LEFT -> HexCaret.Move.LEFT;
            case RIGHT -> HexCaret.Move.RIGHT;
            case UP -> HexCaret.Move.UP;
            case DOWN -> HexCaret.Move.DOWN;
            case PAGE_UP -> HexCaret.Move.PAGE_UP;
            case PAGE_DOWN -> HexCaret.Move.PAGE_DOWN;
            case HOME -> e.isShortcutDown() ? HexCaret.Move.FIRST : HexCaret.Move.ROW_START;
            case END -> e.isShortcutDown() ? HexCaret.Move.LAST : HexCaret.Move.ROW_END;
            default -> null;
        };
        boolean homeOrEnd = move == HexCaret.Move.FIRST || move == HexCaret.Move.LAST;
        return move == null || e.isAltDown() || (e.isShortcutDown() && !homeOrEnd) ? null : move;
    }
}
