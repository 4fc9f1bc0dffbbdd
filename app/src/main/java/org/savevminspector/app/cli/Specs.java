package org.savevminspector.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' picocli models, built with picocli's programmatic API. Annotations would be read by reflection
 * at every start (annotation proxies generated, every field scanned, the help mixin reflected on per command):
 * measured, that was a third of a {@code check}'s CPU time on the bundled sample, for a model that never changes.
 * Each command states its options in a static {@code spec} method and reads their values from its spec when it
 * runs (picocli's own binding to fields, and a setter per option, would each cost a reflective lookup or a lambda
 * linked at start-up).
 */
final class Specs {
    static final ITypeConverter<Path> PATH = v -> Path.of(v);

    private Specs() {
    }

    /**
     * A command named {@code name} running {@code command} ({@code Callable} or {@code Runnable}), with the
     * description lines of its usage help and the standard {@code -h/--help} and {@code -V/--version} options.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(command).name(name);
        s.usageMessage().description(description);
        s.versionProvider(new AppVersion());
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return s;
    }

    /** An option with a parameter, e.g. {@code --format=FORMAT}; the command reads it with {@link #value}. */
    static OptionSpec.Builder option(String name, String paramLabel, Class<?> type, String... description) {
        return OptionSpec.builder(name).paramLabel(paramLabel).type(type).description(description);
    }

    /** A flag ({@code --force}), false unless given. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).initialValue(false).description(description)
                .build();
    }

    /** The one positional parameter, a path. */
    static PositionalParamSpec file(String label, String description) {
        return PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel(label).type(Path.class)
                .converters(PATH).description(description).build();
    }

    /** The required {@code -o/--output OUT} of the commands that write a file. */
    static OptionSpec output(String description) {
        return OptionSpec.builder("-o", "--output").paramLabel("OUT").required(true).type(Path.class)
                .converters(PATH).description(description).build();
    }

    /** The parsed (or default) value of option {@code name} of {@code spec}. */
    static <T> T value(CommandSpec spec, String name) {
        return spec.findOption(name).getValue();
    }

    /** The parsed value of the first positional parameter of {@code spec}. */
    static <T> T file(CommandSpec spec) {
        return spec.positionalParameters().get(0).getValue();
    }
}
