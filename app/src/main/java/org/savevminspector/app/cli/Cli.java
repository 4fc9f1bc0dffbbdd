package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.io.ArgumentPaths;
import org.savevminspector.io.AtomicFileWriter;
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
            return execute(commandLine(out, err, AtomicFileWriter.standard(), paths), args);
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
        return execute(commandLine(out, err, writer, ArgumentPaths.NONE), args);
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

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, AtomicFileWriter.standard(), ArgumentPaths.NONE);
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
    private static CommandLine commandLine(PrintWriter out, PrintWriter err, AtomicFileWriter writer,
                                           ArgumentPaths paths) {
        CommandLine cmd = new CommandLine(new Cli(), new Factory(writer, paths));
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
     * Creates the commands as picocli does, handing the writer to those that write files and the raw argument
     * bytes to their {@link FileArguments}.
     */
    private record Factory(AtomicFileWriter writer, ArgumentPaths paths) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof WritesFiles w) {
                w.useWriter(writer);
            }
            if (k instanceof FileArguments f) {
                f.useArgumentPaths(paths);
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
