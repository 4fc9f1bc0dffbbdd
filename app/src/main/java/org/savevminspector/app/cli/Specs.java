package org.savevminspector.app.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' picocli models, built with picocli's programmatic API. Annotations would be read by reflection
 * at every start (annotation proxies generated, every field scanned, the help mixin reflected on per command):
 * measured, that was a third of a {@code check}'s CPU time on the bundled sample, for a model that never changes.
 * Each command states its options in a static {@code spec} method and binds them to its fields with {@link #bind}.
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

    /** An option with a parameter, e.g. {@code --format=FORMAT}, delivering its value to {@code target}. */
    static <V> OptionSpec.Builder option(String name, String paramLabel, Class<V> type, Consumer<V> target,
                                         String... description) {
        Bind<V> b = new Bind<>(target, null);
        return OptionSpec.builder(name).paramLabel(paramLabel).type(type).getter(b).setter(b).description(description);
    }

    /** A flag ({@code --force}). */
    static OptionSpec flag(String name, Consumer<Boolean> target, String description) {
        Bind<Boolean> b = new Bind<>(target, false);
        return OptionSpec.builder(name).arity("0").type(boolean.class).getter(b).setter(b).description(description)
                .build();
    }

    /** The one positional parameter {@code FILE}, a path. */
    static PositionalParamSpec file(String label, Consumer<Path> target, String description) {
        Bind<Path> b = new Bind<>(target, null);
        return PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel(label).type(Path.class).converters(PATH)
                .getter(b).setter(b).description(description).build();
    }

    /**
     * Delivers a parsed value to a command's field; picocli's own binding would find the field by reflection.
     * Defaults are delivered too, before {@code call()}.
     */
    static final class Bind<V> implements IGetter, ISetter {
        private final Consumer<V> target;
        private V value;

        Bind(Consumer<V> target, V initial) {
            this.target = target;
            this.value = initial;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T v) {
            T old = (T) value;
            value = v == null ? value : (V) v;
            target.accept(value);
            return old;
        }
    }
}
