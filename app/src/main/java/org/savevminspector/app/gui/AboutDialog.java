package org.savevminspector.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.savevminspector.app.common.AppVersion;

/** Help → About: version, Java and JavaFX versions, licence. */
final class AboutDialog {
    private AboutDialog() {
    }

    static String text() {
        return "SaveVM Inspector " + AppVersion.version() + "\n"
                + "Hex-and-structure viewer for qemu-xen-traditional (qemu-dm) device-state files.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")) + "\n\n"
                + "Licence: Apache License 2.0 (Apache-2.0)\nhttps://www.apache.org/licenses/LICENSE-2.0";
    }

    static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text(), ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("About SaveVM Inspector");
        a.setHeaderText("SaveVM Inspector");
        a.show();
    }
}
