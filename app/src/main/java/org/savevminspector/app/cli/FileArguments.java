package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.io.ArgumentPaths;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.InputTooLargeException;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.io.compress.Compression;
import picocli.CommandLine.Option;

/**
 * How every command takes the files it is given (a picocli mixin): {@code -} is standard input (or, for
 * {@code -o}, standard output), a name Java could not decode is opened by its bytes ({@link ArgumentPaths}), and
 * an input that must be copied before it can be read (a pipe, a FIFO) may be at most {@code --max-input-size}.
 */
final class FileArguments {
    static final String DEFAULT_MAX = "64G";

    @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = DEFAULT_MAX,
            converter = ByteSize.Converter.class,
            description = "Largest input read from standard input, a pipe or a FIFO (it is copied to a private "
                    + "temporary file first; regular files and block devices are read in place): a number of "
                    + "bytes with K, M, G or T, e.g. 512M (default: " + DEFAULT_MAX + ").")
    private ByteSize maxInputSize = ByteSize.parse(DEFAULT_MAX);

    @Option(names = "--parent", paramLabel = "FILE",
            description = "The parent of a differencing VHD (repeat for a chain, nearest parent first).")
    private List<String> parents = new ArrayList<>();

    private ArgumentPaths paths = ArgumentPaths.NONE;
    private InputOpener.Options inputs = InputOpener.Options.defaults();
    private InputOpener opener;

    /** The raw bytes of this process's arguments ({@link Cli#runAsProcess}). */
    void useArgumentPaths(ArgumentPaths p) {
        this.paths = p;
    }

    /** What the inputs are opened with, before the cap, progress and parents given here are set over it. */
    void useInputOptions(InputOpener.Options o) {
        this.inputs = o;
    }

    /** The input {@code argument} names; a name that cannot be represented is exit 2 with one line. */
    private InputName input(String argument) {
        try {
            return InputName.of(argument, paths);
        } catch (FileSystemException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + e.getFile() + ": " + IoReason.of(e), e);
        }
    }

    /** {@code argument} as messages show it (before it is opened: a name that cannot be opened is shown too). */
    String shown(String argument) {
        return paths.shown(argument);
    }

    /**
     * {@code writer}, compressing as {@code target}'s name asks ({@code .gz}, {@code .xz}, {@code .zst},
     * {@code .bz2}; anything else, and standard output, is written as it is).
     */
    static AtomicFileWriter writerFor(AtomicFileWriter writer, OutputTarget target) {
        if (target.kind() == OutputTarget.Kind.STANDARD_OUTPUT) {
            return writer;
        }
        return writer.encoded(Compression.forOutputName(target.shown()));
    }

    /** The output {@code argument} names, resolved ({@link OutputTarget}); {@code -} is standard output. */
    OutputTarget output(String argument) {
        if (OutputTarget.STDOUT.equals(argument)) {
            return OutputTarget.standardOutput();
        }
        try {
            return OutputTarget.of(paths.path(argument), paths.shown(argument));
        } catch (java.nio.file.InvalidPathException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + argument + ": the name cannot be "
                    + "encoded in this locale's character set; run with LANG=C.UTF-8", e);
        }
    }

    /**
     * Opens the input {@code argument} names, with progress of a long copy on {@code err}; standard input is read
     * at most once per command. Any failure is exit 2 with one line: {@code cannot read NAME: why}.
     */
    Input open(String argument, PrintWriter err) {
        InputName name = input(argument);
        return open(name, opener(err));
    }

    /** One opener per command (standard input is read at most once), shared by {@code check}'s workers. */
    private synchronized InputOpener opener(PrintWriter err) {
        if (opener == null) {
            List<InputName> parentNames = new ArrayList<>();
            for (String p : parents) {
                parentNames.add(input(p));
            }
            opener = new InputOpener(inputs.withMaxCopy(maxInputSize.bytes())
                    .withProgress(IndexProgress.reading(err)).withParents(parentNames));
        }
        return opener;
    }

    private Input open(InputName name, InputOpener opener) {
        try {
            return opener.open(name);
        } catch (InputTooLargeException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot read " + name.shown() + ": it is longer than "
                    + "--max-input-size " + maxInputSize.text() + " (" + maxInputSize.bytes() + " bytes); give a "
                    + "larger --max-input-size to read it", e);
        } catch (IOException e) {
            throw InputFile.readFailure(name, e);
        }
    }
}
