package org.savevminspector.app.gui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. (Being implemented: placeholder so the launcher compiles.) */
public final class InspectorApp extends Application {

    /** Starts the GUI; {@code args} may hold one file path. Returns when the window closes. */
    public static void launchApp(String[] args) {
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SaveVM Inspector");
        stage.show();
    }
}
