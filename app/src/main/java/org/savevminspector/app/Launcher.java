package org.savevminspector.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import org.savevminspector.app.cli.Cli;

/**
 * Main class of the jar. With no arguments or a single file path it starts the viewer; with two file paths, the
 * first of which exists, the viewer's compare window on them; with a command ({@code inspect}, {@code check},
 * {@code repair}, {@code extract}, {@code diff}, {@code help}), an option ({@code --help}, {@code --version}) or
 * anything else it runs the CLI and exits with its code.
 *
 * <p>The CLI path must never initialise JavaFX (it runs on headless servers without the native libraries), so
 * the only reference to the GUI lives in the nested class {@link Gui}, which the JVM loads, and therefore links
 * against JavaFX, only when {@link Gui#start} is first called. This class does not extend
 * {@code Application} for the same reason (and because the JavaFX launcher requires a non-Application main
 * class when JavaFX is on the class path).
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("inspect", "check", "repair", "extract", "diff", "help");

    private Launcher() {
    }

    /** Exit code when the viewer cannot start at all (no display), as for the CLI's I/O errors. */
    static final int NO_DISPLAY_EXIT = 2;

    public static void main(String[] args) {
        if (startsGui(args)) {
            String why = noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
            if (why == null) {
                why = startGui(args);
            }
            if (why != null) {
                System.err.println(why);
                System.exit(NO_DISPLAY_EXIT);
            }
            return;
        }
        System.exit(Cli.runAsProcess(args));
    }

    public static final String NO_DISPLAY_MESSAGE = "savevm-inspector: cannot open the viewer window because there is no "
            + "display (DISPLAY is not set); use a subcommand such as 'inspect FILE' on the command line, or run the "
            + "viewer under xvfb-run.";

    /**
     * Why the viewer cannot start on this Linux/BSD desktop-less session ({@code null}: try it). Without an X11 or
     * Wayland display JavaFX's GTK toolkit fails deep inside its start-up with a stack trace; saying so in one
     * sentence first is kinder. Monocle (headless tests) needs no display.
     */
    public static String noDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return null;
        }
        boolean x11 = env.getOrDefault("DISPLAY", "").isBlank();
        boolean wayland = env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return x11 && wayland ? NO_DISPLAY_MESSAGE : null;
    }

    /** Starts the GUI; a toolkit that cannot open the display set in DISPLAY becomes one sentence, not a trace. */
    private static String startGui(String[] args) {
        try {
            Gui.start(args);
            return null;
        } catch (RuntimeException | LinkageError e) {
            String m = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (m.contains("DISPLAY") || m.contains("GTK") || m.contains("glass")) {
                return "savevm-inspector: cannot open the viewer window (" + e.getMessage().trim()
                        + ": is the X server running and DISPLAY right?); use a subcommand such as 'inspect FILE', or "
                        + "run the viewer under xvfb-run.";
            }
            throw e;
        }
    }

    /** Runs the CLI without exiting (for tests and embedding): the exit code. */
    public static int runCli(String[] args) {
        return Cli.run(args);
    }

    /**
     * No arguments; one argument that is neither a command nor an option and names a file (existing, or a path
     * or a name with an extension); or two such arguments,
     * the first an existing file (two files to compare): the GUI. A mistyped command followed by a file
     * ({@code inspcet guest.sav}) names no existing file first, so the CLI says what is wrong with it.
     */
    static boolean startsGui(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length > 2 || COMMANDS.contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("-")) {
                return false;
            }
        }
        return args.length == 1 ? exists(args[0]) || looksLikeAPath(args[0]) : exists(args[0]);
    }

    /**
     * A missing file the user meant to open ({@code guest.sav}, {@code dir/x}) goes to the viewer, which says it
     * cannot be read; a bare word that names no file ({@code frobnicate}) is a mistyped command, a usage error.
     */
    private static boolean looksLikeAPath(String arg) {
        return arg.indexOf('/') >= 0 || arg.indexOf('.') >= 0 || arg.indexOf(java.io.File.separatorChar) >= 0;
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
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
