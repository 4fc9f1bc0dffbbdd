package org.savevminspector.app.gui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A test that drives the real window headless (TestFX on Monocle), in the environment every such test needs: the
 * light theme and the default layout whatever the developer saved, and a virtual screen that holds the window.
 * Use with {@link GuiHarness}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GuiTest.Environment.class)
@ExtendWith(ApplicationExtension.class)
@interface GuiTest {

    /** Sets the properties before the toolkit starts (TestFX starts it when it makes the test instance). */
    final class Environment implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            // never touch the developer's saved theme from a test
            System.setProperty("savevm.inspector.theme", "light");
            // nor the remembered window size and split positions: every test window starts at the defaults
            System.setProperty("savevm.inspector.layout", "default");
            // Monocle's headless screen (default 1280x800) must hold the whole window, or its painter overflows
            System.setProperty("headless.geometry", "1600x1000-32");
        }
    }
}
