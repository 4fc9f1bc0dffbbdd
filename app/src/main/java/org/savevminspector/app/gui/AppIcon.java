package org.savevminspector.app.gui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon from ui-resources (the same artwork the native package installs for the desktop entry),
 * in the sizes window managers pick from for title bars, task bars and Alt+Tab. The PNGs are decoded by JavaFX's
 * background image loader, not on the FX thread before the first frame; the window gets them all at once when
 * the last is decoded.
 */
final class AppIcon {
    static final String DIR = "/org/savevminspector/ui/icons/";
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    static void apply(Stage stage) {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            URL u = AppIcon.class.getResource(DIR + "savevm-inspector-" + size + ".png");
            if (u != null) {
                icons.add(new Image(u.toExternalForm(), true));
            }
        }
        for (Image i : icons) {
            // progress reaches 1 on the FX thread, also for an image that failed (an icon is decoration: it is left out)
            i.progressProperty().addListener((o, was, now) -> {
                if (icons.stream().allMatch(x -> x.getProgress() >= 1)) {
                    stage.getIcons().setAll(icons.stream().filter(x -> !x.isError()).toList());
                }
            });
        }
    }
}
