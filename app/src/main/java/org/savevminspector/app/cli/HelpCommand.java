package org.savevminspector.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code help [COMMAND]}: the usage help of the tool or of one command, as picocli's own help command prints it
 * (which would be read from its annotations at every start; see {@link Specs}).
 */
final class HelpCommand implements Callable<Integer> {
    private CommandSpec spec;

    static CommandSpec spec(HelpCommand c) {
        CommandSpec s = Specs.command(c, "help", "Display help information about the specified command.");
        s.helpCommand(true);
        s.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("COMMAND").type(String.class)
                .description("The COMMAND to display the usage help message for.").build());
        c.spec = s;
        return s;
    }

    @Override
    public Integer call() {
        String command = Specs.file(spec);
        CommandLine parent = spec.commandLine().getParent();
        CommandLine target = command == null ? parent : parent.getSubcommands().get(command);
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "Unknown subcommand '" + command + "'.");
        }
        target.usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
