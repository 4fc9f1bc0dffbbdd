package org.savevminspector.app.cli;

/** Exit codes, after Xen's {@code verify-stream-v2}: 0 fine, 1 the data is bad (or refused), 2 usage or I/O. */
final class ExitCodes {
    static final int OK = 0;
    /** {@code check}: diagnostics at/above the threshold; {@code repair}: refused; {@code diff}: differences. */
    static final int FINDINGS = 1;
    /** Usage error, a file that cannot be read or written, an internal error. */
    static final int USAGE_OR_IO = 2;

    private ExitCodes() {
    }
}
