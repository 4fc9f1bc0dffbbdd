package org.savevminspector.app;

import java.util.Set;
import org.savevminspector.app.cli.Cli;

/**
 * Main class of the jar. With no arguments, or a single file path, it starts the GUI; with a command
 * ({@code inspect}, {@code check}, {@code repair}, {@code help}) or an option ({@code --help},
 * {@code --version}) it runs the CLI and exits with its code.
 *
 * <p>The CLI path must never initialise JavaFX (it runs on headless servers without the native libraries), so
 * the only reference to the GUI lives in the nested class {@link Gui}, which the JVM loads, and therefore links
 * against JavaFX, only when {@link Gui#start} is first called. This class does not extend
 * {@code Application} for the same reason (and because the JavaFX launcher requires a non-Application main
 * class when JavaFX is on the class path).
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("inspect", "check", "repair", "extract", "help");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (startsGui(args)) {
            Gui.start(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Runs the CLI without exiting (for tests and embedding): the exit code. */
    public static int runCli(String[] args) {
        return Cli.run(args);
    }

    /** No arguments, or one argument that is neither a command nor an option: a file to open in the GUI. */
    static boolean startsGui(String[] args) {
        return args.length == 0
                || (args.length == 1 && !args[0].startsWith("-") && !COMMANDS.contains(args[0]));
    }

    /** The one place that refers to JavaFX code; loaded only on the GUI path. */
    private static final class Gui {
        private Gui() {
        }

        static void start(String[] args) {
            org.savevminspector.app.gui.InspectorApp.launchApp(args);
        }
    }
}
