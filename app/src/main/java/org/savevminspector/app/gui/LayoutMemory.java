package org.savevminspector.app.gui;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;

/**
 * Remembers the window size, the two split positions of the window and the Loader tab's between sessions
 * (java.util.prefs), and picks a first size that fits a 1366×768 screen. {@code -Dsavevm.inspector.layout=default} neither reads nor writes them
 * (tests, screenshots).
 */
final class LayoutMemory {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 720;

    /** Where the numbers live. */
    interface Store {
        double get(String key, double fallback);

        void put(String key, double value);
    }

    /** Remembered values; NaN where nothing was remembered. */
    record Saved(double width, double height, double treeFraction, double mainFraction, double loaderFraction) {
    }

    private final Store store;

    LayoutMemory(Store store) {
        this.store = store;
    }

    /** The user's preferences, or nothing at all under {@code -Dsavevm.inspector.layout=default}. */
    static Store standardStore() {
        if ("default".equals(System.getProperty("savevm.inspector.layout"))) {
            return memoryStore();
        }
        return new Store() {
            @Override
            public double get(String key, double fallback) {
                try {
                    return Preferences.userNodeForPackage(LayoutMemory.class).node("layout").getDouble(key, fallback);
                } catch (RuntimeException e) {
                    return fallback; // an unreadable store: start with the defaults
                }
            }

            @Override
            public void put(String key, double value) {
                try {
                    Preferences.userNodeForPackage(LayoutMemory.class).node("layout").putDouble(key, value);
                } catch (RuntimeException e) {
                    // remembering the layout is a convenience: an unwritable store must not break closing
                }
            }
        };
    }

    static Store memoryStore() {
        Map<String, Double> m = new HashMap<>();
        return new Store() {
            @Override
            public double get(String key, double fallback) {
                return m.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, double value) {
                m.put(key, value);
            }
        };
    }

    Saved load() {
        return new Saved(store.get("width", Double.NaN), store.get("height", Double.NaN),
                store.get("treeFraction", Double.NaN), store.get("mainFraction", Double.NaN),
                store.get("loaderFraction", Double.NaN));
    }

    void save(Saved s) {
        store.put("width", s.width());
        store.put("height", s.height());
        store.put("treeFraction", s.treeFraction());
        store.put("mainFraction", s.mainFraction());
        store.put("loaderFraction", s.loaderFraction());
    }

    /** The remembered size, or 1280×720, never larger than the screen's usable area. */
    static double[] sceneSize(Saved s, Rectangle2D screen) {
        double w = Double.isNaN(s.width()) ? DEFAULT_WIDTH : s.width();
        double h = Double.isNaN(s.height()) ? DEFAULT_HEIGHT : s.height();
        return new double[] {Math.max(640, Math.min(w, screen.getWidth())), Math.max(480, Math.min(h, screen.getHeight() - 40))};
    }
}
