package org.savevminspector.app.gui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting helpers shared by the TestFX tests. */
final class GuiTestSupport {
    static {
        // never touch the developer's saved theme from a test
        System.setProperty("savevm.inspector.theme", "light");
        // nor the remembered window size and split positions: every test window starts at the defaults
        System.setProperty("savevm.inspector.layout", "default");
        // Monocle's headless screen (default 1280x800) must hold the whole window, or its painter overflows
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private GuiTestSupport() {
    }

    static void init() {
        // loads the class (static block above)
    }

    /**
     * Waits (max 15 s) until {@code condition}, evaluated on the FX thread, holds. A condition that throws (a
     * lookup of a dialog a background task has not opened yet) has not held yet; the last exception is the cause
     * of the failure when it never does.
     */
    static void waitUntil(BooleanSupplier condition) {
        RuntimeException[] last = new RuntimeException[1];
        BooleanSupplier lenient = () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                last[0] = e;
                return false;
            }
        };
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(lenient::getAsBoolean).get());
        } catch (TimeoutException e) {
            AssertionError failure = new AssertionError("condition not met within 15 s", last[0] != null ? last[0] : e);
            throw failure;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until {@code w} shows a loaded document again. */
    static void waitLoaded(MainWindow w) {
        waitUntil(() -> !w.isLoading() && w.document() != null);
    }
}
