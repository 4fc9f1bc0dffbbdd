package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** {@link InspectorApp} started with no file argument opens the bundled sample and says it is synthetic. */
@GuiTest
class NoFileLaunchTest {

    @Test
    void noFileLaunchShowsTheSyntheticSample(FxRobot robot) {
        String old = System.getProperty("user.home");
        robot.interact(() -> {
            // keep the recent-files list out of the developer's config: the sample is never added, but be sure
            System.setProperty("user.home", System.getProperty("java.io.tmpdir"));
            try {
                new InspectorApp().start(new Stage());
            } finally {
                System.setProperty("user.home", old);
            }
        });
        String title = "SaveVM Inspector — xenserver-6.2-piix4acpi-sample.qevm";
        GuiHarness.waitUntil(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle())));
        Stage stage = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle())).findFirst().orElseThrow();
        Label banner = (Label) stage.getScene().lookup("#bannerText");
        assertTrue(banner.isVisible() && banner.getText().contains("SYNTHETIC"), banner.getText());
        javafx.scene.control.TreeTableView<?> tree = (javafx.scene.control.TreeTableView<?>) stage.getScene().lookup("#structureTree");
        assertEquals(27, tree.getRoot().getChildren().size());
        // the icons are decoded in the background and given to the window together
        GuiHarness.waitUntil(() -> stage.getIcons().size() == AppIcon.SIZES.length);
        assertEquals(java.util.Arrays.stream(AppIcon.SIZES).boxed().toList(),
                stage.getIcons().stream().map(i -> (int) i.getWidth()).toList());
        robot.interact(stage::close);
    }

    @Test
    void aboutNamesVersionJavaJavaFxAndLicence() {
        String about = AboutDialog.text();
        assertTrue(about.startsWith("SaveVM Inspector " + org.savevminspector.app.common.AppVersion.version()), about);
        assertTrue(about.contains("Java " + System.getProperty("java.version")), about);
        assertTrue(about.contains("JavaFX 21."), about); // the running toolkit's version
        assertTrue(about.contains("Apache-2.0"), about);
    }
}
