package org.savevminspector.app.gui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.service.query.EmptyNodeQueryException;
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
     * Waits (max 15 s) until {@code condition}, evaluated on the FX thread, holds. A node the condition looks up
     * that is not in the scene yet (a dialog still opening on a loaded machine) counts as "not yet", not as a failure.
     */
    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> holds(condition)).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (EmptyNodeQueryException e) {
            return false;
        }
    }

    /** Waits until {@code w} shows a loaded document again. */
    static void waitLoaded(MainWindow w) {
        waitUntil(() -> !w.isLoading() && w.document() != null);
    }
}
