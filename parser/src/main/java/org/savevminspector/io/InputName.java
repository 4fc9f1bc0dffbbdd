package org.savevminspector.io;

import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An input as the user named it: {@code shown} is what reports and messages print (the argument exactly as given;
 * {@code -} for standard input), {@code path} what is opened ({@code null} for standard input).
 */
public record InputName(String shown, Path path) {
    /** The argument that means standard input, as for {@code cat}, {@code sha256sum} or {@code tar -f}. */
    public static final String STDIN = "-";

    public InputName {
        Objects.requireNonNull(shown, "shown");
    }

    public boolean isStdin() {
        return path == null;
    }

    /** A path the program already holds (a file chosen in a dialog, a dropped file). */
    public static InputName of(Path p) {
        return new InputName(p.toString(), p);
    }

    /**
     * A command-line argument: {@code -} is standard input, anything else a path, taken from the argument's bytes
     * when Java could not decode them ({@link ArgumentPaths}).
     *
     * @throws FileSystemException when the name cannot be represented in the platform's charset (a non-ASCII
     *                             name under the {@code C} locale, with no {@code /proc} to read its bytes from)
     */
    public static InputName of(String argument, ArgumentPaths args) throws FileSystemException {
        if (STDIN.equals(argument)) {
            return new InputName(STDIN, null);
        }
        try {
            return new InputName(args.shown(argument), args.path(argument));
        } catch (InvalidPathException e) {
            throw new FileSystemException(args.shown(argument), null, "the name cannot be encoded in this locale's "
                    + "character set (" + System.getProperty("sun.jnu.encoding") + "); run with LANG=C.UTF-8");
        }
    }
}
