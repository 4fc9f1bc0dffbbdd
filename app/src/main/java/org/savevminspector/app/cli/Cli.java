package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.io.ArgumentPaths;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.InputOpener;
import org.savevminspector.report.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code savevm-inspector inspect|check|repair|extract|diff ...}. Data goes to {@code out}, errors to
 * {@code err} as one line ({@code savevm-inspector: what and where}), never a stack trace (set the environment
 * variable {@value #DEBUG_ENV} to get one). Nothing here touches JavaFX.
 */
@Command(name = Cli.NAME, mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE_OR_IO, exitCodeOnExecutionException = ExitCodes.USAGE_OR_IO,
        description = {"Inspect, check and repair qemu-dm (qemu-xen-traditional) savevm device-state files.",
            "Without a command (or with just a file) the graphical viewer starts."},
        subcommands = {InspectCommand.class, CheckCommand.class, RepairCommand.class, ExtractCommand.class,
            DiffCommand.class, HelpCommand.class})
public final class Cli implements Runnable {
    public static final String NAME = "savevm-inspector";
    static final String DEBUG_ENV = "SAVEVM_INSPECTOR_DEBUG";

    @Spec
    private CommandSpec spec;

    /** Only reached with options but no command (e.g. none at all when called directly): a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: inspect, check, repair, extract or diff");
    }

    /**
     * Runs the CLI as this process's {@code main}: SIGINT and SIGTERM remove every temporary file, say
     * {@code interrupted} and exit 130 / 143 ({@link Interrupts}), and file names Java could not decode are opened
     * by their bytes ({@link ArgumentPaths}). Returns the exit code.
     */
    public static int runAsProcess(String[] args) {
        Interrupts.install();
        return run(args, ArgumentPaths.ofProcess(args));
    }

    /** Runs the CLI on the process streams (UTF-8) and returns the exit code. */
    public static int run(String[] args) {
        return run(args, ArgumentPaths.NONE);
    }

    private static int run(String[] args, ArgumentPaths paths) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(args, out, err, AtomicFileWriter::standard, paths, InputOpener.Options.defaults());
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the CLI with the given streams (tests call this in-process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, AtomicFileWriter.standard());
    }

    /** Runs the CLI with commands that write files through {@code writer} (tests give a failing one). */
    static int run(String[] args, PrintWriter out, PrintWriter err, AtomicFileWriter writer) {
        return run(args, out, err, writer, InputOpener.Options.defaults());
    }

    /**
     * Runs the CLI with commands that open their inputs with {@code inputs} (their own cap, progress and parents
     * are set over it): tests read files in place through a reader that counts what a command reads.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, AtomicFileWriter writer,
                   InputOpener.Options inputs) {
        return run(args, out, err, () -> writer, ArgumentPaths.NONE, inputs);
    }

    /**
     * A command that inspects files runs on a command line of its own: picocli reads the annotations of that
     * command alone (reading them by reflection is most of what a command line costs to build, and a
     * {@code check} needs neither the root's nor the other commands'), while its engine ({@link Engine}) is built
     * on a second thread; the arguments are parsed once the engine is ready (their converters reach engine
     * classes: loader profiles, severities). Anything else — no arguments, {@code --help}, {@code help COMMAND}, a
     * misspelt command — gets the whole command line.
     */
    private static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<AtomicFileWriter> writer,
                           ArgumentPaths paths, InputOpener.Options inputs) {
        excludeReflectiveConverters();
        Class<?> named = args.length > 0 ? inspecting(args[0]) : null;
        if (named == null) {
            return execute(commandLine(out, err, new Factory(writer, paths, inputs, new Engine())), args);
        }
        boolean help = asksForHelp(args);
        Engine engine = help ? new Engine() : Engine.start();
        CommandLine cmd = configure(new CommandLine(named, new Factory(writer, paths, inputs, engine)), out, err);
        cmd.getCommandSpec().name(NAME + " " + args[0]); // as usage help and messages name it under the root
        if (!help) {
            engine.await();
        }
        return execute(cmd, Arrays.copyOfRange(args, 1, args.length));
    }

    /**
     * Whether the command is only asked for its help or version (before any {@code --}): picocli then prints them
     * and runs nothing, so the engine is not built (whatever of it the usage text names loads on demand).
     */
    private static boolean asksForHelp(String[] args) {
        for (int i = 1; i < args.length && !"--".equals(args[i]); i++) {
            switch (args[i]) {
                case "-h", "--help", "-V", "--version" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * Runs a command line; an {@link OutOfMemoryError} (which picocli lets through, as every {@code Error}) is one
     * sentence and exit code 2 like any other failure: by the time it is caught the command has unwound and its
     * memory can be reclaimed.
     */
    static int execute(CommandLine cmd, String[] args) {
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            error(cmd.getErr(), IoReason.of(e));
            return ExitCodes.USAGE_OR_IO;
        }
    }

    /**
     * The command class of a command that inspects files (each needs the engine), or {@code null}. A switch, not
     * a map of class literals, so that only the command that runs is loaded.
     */
    private static Class<?> inspecting(String name) {
        return switch (name) {
            case "inspect" -> InspectCommand.class;
            case "check" -> CheckCommand.class;
            case "repair" -> RepairCommand.class;
            case "extract" -> ExtractCommand.class;
            case "diff" -> DiffCommand.class;
            default -> null;
        };
    }

    /**
     * Every picocli parser looks up converters for java.sql and java.time types and {@code Path} by reflection
     * (and, where the runtime has no java.sql, by catching the exceptions): a tenth of a {@code check} on the
     * sample. No option here has those types; picocli's documented system property skips them. A value the
     * caller set is kept.
     */
    private static void excludeReflectiveConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time|nio\\.file)\\..*");
        }
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new Factory(AtomicFileWriter::standard, ArgumentPaths.NONE,
                InputOpener.Options.defaults(), new Engine()));
    }

    /** Prints {@code message} as one line on {@code err}: {@code savevm-inspector: message}, escaped. */
    static void error(PrintWriter err, String message) {
        err.println(NAME + ": " + PrintableText.escape(message));
        err.flush();
    }

    /**
     * Standard output and error are escaped as they are written ({@link EscapingWriter}) and picocli's help has no
     * colours, so nothing the tool prints can drive the terminal.
     */
    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Factory factory) {
        return configure(new CommandLine(new Cli(), factory), out, err);
    }

    /** Streams, colours, case-insensitive enum values and the one-line error handlers of {@code cmd}. */
    private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
        cmd.setOut(new PrintWriter(new EscapingWriter(out), true));
        cmd.setErr(new PrintWriter(new EscapingWriter(err), true));
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            // one line saying what is wrong, one saying where help is (clig.dev), not the whole usage text
            CommandLine failed = ex.getCommandLine();
            PrintWriter e = failed.getErr();
            e.println(NAME + ": " + PrintableText.escape(ex.getMessage()));
            e.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return ExitCodes.USAGE_OR_IO;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(NAME + ": " + PrintableText.escape(describe(ex)));
            if (System.getenv(DEBUG_ENV) != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return ex instanceof CliException ? ((CliException) ex).exitCode() : ExitCodes.USAGE_OR_IO;
        });
        return cmd;
    }

    /**
     * Creates the commands as picocli does, handing the writer to those that write files, the engine to those
     * that inspect, and the raw argument bytes and the input options to their {@link FileArguments}.
     */
    private record Factory(Supplier<AtomicFileWriter> writer, ArgumentPaths paths, InputOpener.Options inputs,
                           Engine engine)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof WritesFiles w) {
                w.useWriter(writer.get()); // made here, not before: a check writes nothing (and needs no SecureRandom)
            }
            if (k instanceof UsesEngine u) {
                u.useEngine(engine);
            }
            if (k instanceof FileArguments f) {
                f.useArgumentPaths(paths);
                f.useInputOptions(inputs);
            }
            return k;
        }
    }

    private static String describe(Exception ex) {
        if (ex instanceof CliException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            return "I/O error: " + IoReason.of(ex);
        }
        // a bug in this tool, not in the file: IoReason says so plainly (verify-stream-v2's "Script Error")
        return IoReason.of(ex);
    }
}
