package org.savevminspector.app.gui;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon from ui-resources (the same artwork the native package installs for the desktop entry),
 * in the sizes window managers pick from for title bars, task bars and Alt+Tab.
 */
final class AppIcon {
    static final String DIR = "/org/savevminspector/ui/icons/";
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(DIR + "savevm-inspector-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // an icon is decoration: the window opens without it
            }
        }
    }
}
