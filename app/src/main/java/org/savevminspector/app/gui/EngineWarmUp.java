package org.savevminspector.app.gui;

import java.io.IOException;
import java.io.InputStream;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * Start-up on a 2-core machine: while the JavaFX toolkit starts on one core, the other does what the FX thread
 * would otherwise wait for before the first frame. It loads (without initialising: that stays on the FX thread)
 * the heaviest control classes the window builds, which otherwise are read from the jar one by one on the FX
 * thread; reads the preferences the window starts from (theme, size, split positions: the first read of
 * java.util.prefs loads its store from disk); unpacks the bundled sample when the viewer starts without a file (a
 * temporary file, written and synced); and inspects the sample once, so that the engine's classes (decoders found
 * by ServiceLoader, the loader simulation) are loaded and linked before the worker's first real inspection.
 * Nothing of the result is kept but the sample's copy, and the preferences' own cache.
 */
final class EngineWarmUp {
    private EngineWarmUp() {
    }

    /** {@code sample}: the viewer will open the bundled sample (no file was given). */
    static void start(boolean sample) {
        Thread t = new Thread(() -> run(sample), "engine-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Classes whose loading shows in the start-up profile (skins, RichTextFX, ControlsFX, the CSS parser). */
    private static final String[] CLASSES = {
        "javafx.css.CssParser",
        "javafx.scene.control.skin.TreeTableViewSkin",
        "javafx.scene.control.skin.TreeTableRowSkin",
        "javafx.scene.control.skin.TreeTableCellSkin",
        "javafx.scene.control.skin.TableViewSkin",
        "javafx.scene.control.skin.TableRowSkin",
        "javafx.scene.control.skin.VirtualFlow",
        "javafx.scene.control.skin.MenuBarSkin",
        "javafx.scene.control.skin.ToolBarSkin",
        "javafx.scene.control.skin.SplitPaneSkin",
        "javafx.scene.control.skin.TabPaneSkin",
        "javafx.scene.control.skin.ScrollBarSkin",
        "javafx.scene.control.skin.ButtonSkin",
        "javafx.scene.control.skin.LabelSkin",
        "javafx.scene.control.skin.ContextMenuSkin",
        "org.fxmisc.richtext.GenericStyledArea",
        "org.fxmisc.richtext.StyleClassedTextArea",
        "org.fxmisc.richtext.ParagraphBox",
        "org.fxmisc.richtext.ParagraphText",
        "org.fxmisc.richtext.model.GenericEditableStyledDocumentBase",
        "org.fxmisc.flowless.VirtualFlow",
        "org.fxmisc.flowless.VirtualizedScrollPane",
        "org.reactfx.EventStreams",
        "org.controlsfx.control.StatusBar",
        "impl.org.controlsfx.skin.StatusBarSkin",
    };

    /** In the order the FX thread and the worker need the results. */
    private static void run(boolean sample) {
        loadControlClasses(); // the window is built as soon as the toolkit is up
        Themes.initialDark(); // then it reads its theme, size and split positions
        new LayoutMemory(LayoutMemory.standardStore()).load();
        Perf.mark("preferences read");
        if (sample) {
            try {
                BundledSample.copy(); // then it opens the sample
                Perf.mark("sample unpacked");
            } catch (IOException e) {
                // the FX thread tries again and says why it cannot
            }
        }
        inspectSample(); // which the worker inspects
    }

    private static void loadControlClasses() {
        ClassLoader cl = EngineWarmUp.class.getClassLoader();
        for (String c : CLASSES) {
            try {
                Class.forName(c, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                // a missing class only means a slower start
            }
        }
        Perf.mark("control classes loaded");
    }

    private static void inspectSample() {
        try (InputStream in = EngineWarmUp.class.getResourceAsStream(BundledSample.RESOURCE)) {
            if (in != null) {
                Inspector.standard().inspect(ByteSource.of(in.readAllBytes()));
                Perf.mark("engine warmed up");
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up only: the real inspection reports any problem with the file itself
        }
    }
}
