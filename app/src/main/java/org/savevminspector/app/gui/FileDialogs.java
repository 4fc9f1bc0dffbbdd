package org.savevminspector.app.gui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the window uses; tests replace them (native dialogs cannot be driven headless). */
interface FileDialogs {

    /** A file to open, or {@code null} when cancelled. */
    Path chooseOpen(Window owner, Path initialDir);

    /** A file to open for the purpose {@code title} says (e.g. the file to compare with), or {@code null}. */
    default Path chooseOpen(Window owner, String title, Path initialDir) {
        return chooseOpen(owner, initialDir);
    }

    /** Where to save, or {@code null} when cancelled; the platform dialog confirms overwriting. */
    Path chooseSave(Window owner, String title, Path initialDir, String suggestedName, String extension);

    static FileDialogs platform() {
        return new FileDialogs() {
            @Override
            public Path chooseOpen(Window owner, Path initialDir) {
                return chooseOpen(owner, "Open device-state file", initialDir);
            }

            @Override
            public Path chooseOpen(Window owner, String title, Path initialDir) {
                FileChooser fc = chooser(title, initialDir);
                fc.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("All files", "*"),
                        new FileChooser.ExtensionFilter("QEVM streams", "*.qevm", "*.savevm", "*.sav", "*.bin"));
                File f = fc.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path chooseSave(Window owner, String title, Path initialDir, String suggestedName, String extension) {
                FileChooser fc = chooser(title, initialDir);
                fc.setInitialFileName(suggestedName);
                File f = fc.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }

            /** A chooser starting in {@code initialDir} when that still exists (the platform's default otherwise). */
            private FileChooser chooser(String title, Path initialDir) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                if (initialDir != null && Files.isDirectory(initialDir)) {
                    fc.setInitialDirectory(initialDir.toFile());
                }
                return fc;
            }
        };
    }
}
