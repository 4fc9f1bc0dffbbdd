package org.savevminspector.app.gui;

import java.nio.file.Path;
import javafx.stage.Window;

/** File choosers for tests: answer with preset paths (native dialogs cannot be driven headless). */
final class TestDialogs implements FileDialogs {
    volatile Path openAnswer;
    volatile Path saveAnswer;

    @Override
    public Path chooseOpen(Window owner, Path initialDir) {
        return openAnswer;
    }

    @Override
    public Path chooseSave(Window owner, String title, Path initialDir, String suggestedName, String extension) {
        return saveAnswer;
    }
}
