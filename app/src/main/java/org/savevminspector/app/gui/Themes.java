package org.savevminspector.app.gui;

import java.net.URL;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.scene.Scene;

/** Light and dark themes: {@code inspector.css} (layout, shapes) plus one palette stylesheet from ui-resources. */
final class Themes {
    static final String BASE = "/org/savevminspector/ui/inspector.css";
    static final String LIGHT = "/org/savevminspector/ui/theme-light.css";
    static final String DARK = "/org/savevminspector/ui/theme-dark.css";
    private static final String PREF_KEY = "darkTheme";

    private Themes() {
    }

    static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(url(BASE), url(dark ? DARK : LIGHT));
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    static String url(String resource) {
        URL u = Objects.requireNonNull(Themes.class.getResource(resource), "missing stylesheet " + resource);
        return u.toExternalForm();
    }

    /** The saved choice; {@code -Dsavevm.inspector.theme=dark|light} overrides it. */
    static boolean initialDark() {
        String p = System.getProperty("savevm.inspector.theme");
        if (p != null) {
            return p.equalsIgnoreCase("dark");
        }
        try {
            return Preferences.userNodeForPackage(Themes.class).getBoolean(PREF_KEY, false);
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    static void save(boolean dark) {
        if (System.getProperty("savevm.inspector.theme") != null) {
            return;
        }
        try {
            Preferences.userNodeForPackage(Themes.class).putBoolean(PREF_KEY, dark);
        } catch (RuntimeException e) {
            // preferences are a convenience: an unwritable store must not break the theme switch
        }
    }
}
