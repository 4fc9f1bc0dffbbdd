package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.savevminspector.app.IoReason;
import org.savevminspector.io.AtomicFileWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line: {@code savevm-inspector inspect|check|repair|extract ...}. Data goes to {@code out}, errors to
 * {@code err} as one line ({@code savevm-inspector: what and where}), never a stack trace (set the environment
 * variable {@value #DEBUG_ENV} to get one). Nothing here touches JavaFX. The picocli models are built directly
 * ({@link Specs}), not read from annotations.
 */
public final class Cli implements Runnable {
    public static final String NAME = "savevm-inspector";
    static final String DEBUG_ENV = "SAVEVM_INSPECTOR_DEBUG";

    private CommandSpec spec;

    /** Only reached with options but no command (e.g. none at all when called directly): a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: inspect, check or repair");
    }

    /** Runs the CLI on the process streams (UTF-8) and returns the exit code. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(args, out, err);
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
        return run(args, out, err, writer, InputFile.MAPPED);
    }

    /** Runs the CLI with commands that open their inputs through {@code opener} (tests count what is read). */
    static int run(String[] args, PrintWriter out, PrintWriter err, AtomicFileWriter writer, InputFile.Opener opener) {
        excludeReflectiveConverters();
        String named = args.length > 0 && COMMANDS.contains(args[0]) && !args[0].equals("help") ? args[0] : null;
        if (named == null) {
            return commandLine(out, err, writer, opener).execute(args);
        }
        // every command but help inspects a file: the engine is built on a second core meanwhile
        Engine engine = Engine.start();
        CommandSpec command = spec(named, writer, opener, engine);
        command.name(NAME + " " + named); // as its usage help and error messages name it under the root
        CommandLine cmd = configure(new CommandLine(command), out, err);
        // parsing converts values with engine classes (loader profiles, severities): only once those are ready
        engine.await();
        return cmd.execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /**
     * The whole command line: for no arguments, {@code --help}, {@code help COMMAND} and misspelt commands. A
     * named command runs on a command line of its own: picocli gives every command line a parser that registers
     * its built-in type converters by reflection, and a {@code check} needs neither the root's nor the others'.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, AtomicFileWriter writer,
                                   InputFile.Opener opener) {
        Cli cli = new Cli();
        CommandSpec root = Specs.command(cli, NAME,
                "Inspect, check and repair qemu-dm (qemu-xen-traditional) savevm device-state files.",
                "Without a command (or with just a file) the graphical viewer starts.");
        root.exitCodeOnInvalidInput(ExitCodes.USAGE_OR_IO).exitCodeOnExecutionException(ExitCodes.USAGE_OR_IO);
        cli.spec = root;
        for (String name : COMMANDS) {
            root.addSubcommand(name, spec(name, writer, opener, new Engine()));
        }
        return configure(new CommandLine(root), out, err);
    }

    /**
     * Every picocli parser looks up converters for java.sql and java.time types and {@code Path} by reflection
     * (and, where the runtime has no java.sql, by catching the exceptions): a tenth of a {@code check}. No option
     * here has those types, and paths have their own converter ({@link Specs#PATH}); picocli's documented system
     * property skips them. A value the caller set is kept.
     */
    private static void excludeReflectiveConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time|nio\\.file)\\..*");
        }
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** The commands, in the order the usage help lists them. */
    public static final List<String> COMMANDS = List.of("inspect", "check", "repair", "extract", "help");

    private static CommandSpec spec(String name, AtomicFileWriter writer, InputFile.Opener opener, Engine engine) {
        switch (name) {
            case "inspect": {
                InspectCommand c = new InspectCommand(engine);
                c.useOpener(opener);
                return InspectCommand.spec(c);
            }
            case "check": {
                CheckCommand c = new CheckCommand(engine);
                c.useOpener(opener);
                return CheckCommand.spec(c);
            }
            case "repair": {
                RepairCommand c = new RepairCommand(engine);
                c.useOpener(opener);
                c.useWriter(writer);
                return RepairCommand.spec(c);
            }
            case "extract": {
                ExtractCommand c = new ExtractCommand(engine);
                c.useOpener(opener);
                c.useWriter(writer);
                return ExtractCommand.spec(c);
            }
            default:
                return HelpCommand.spec(new HelpCommand());
        }
    }

    /** Streams, case-insensitive enum values and the one-line error handlers of {@code cmd} and its commands. */
    static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            // one line saying what is wrong, one saying where help is (clig.dev), not the whole usage text
            CommandLine failed = ex.getCommandLine();
            PrintWriter e = failed.getErr();
            e.println(NAME + ": " + ex.getMessage());
            e.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return ExitCodes.USAGE_OR_IO;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(NAME + ": " + describe(ex));
            if (System.getenv(DEBUG_ENV) != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return ex instanceof CliException ? ((CliException) ex).exitCode() : ExitCodes.USAGE_OR_IO;
        });
        return cmd;
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
