package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every icon size the window and the native package use is in ui-resources, as a PNG of that size. */
class AppIconTest {
    @Test
    void everySizeIsASquarePngOfThatSize() throws Exception {
        for (int size : AppIcon.SIZES) {
            String name = AppIcon.DIR + "savevm-inspector-" + size + ".png";
            try (InputStream in = AppIcon.class.getResourceAsStream(name)) {
                assertNotNull(in, name);
                BufferedImage img = ImageIO.read(in);
                assertNotNull(img, name + " is not a readable PNG");
                assertEquals(size, img.getWidth(), name);
                assertEquals(size, img.getHeight(), name);
            }
        }
        assertNotNull(AppIcon.class.getResource(AppIcon.DIR + "savevm-inspector.svg"), "the source artwork");
    }
}
