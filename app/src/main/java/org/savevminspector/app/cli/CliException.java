package org.savevminspector.app.cli;

/**
 * A failure the CLI reports as one line on stderr ({@code savevm-inspector: MESSAGE}) with a given exit code,
 * never as a stack trace.
 */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
