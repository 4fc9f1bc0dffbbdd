package org.savevminspector.app.cli;

import org.savevminspector.io.AtomicFileWriter;

/**
 * A command that writes files. It must write them through the {@link AtomicFileWriter} it is given (complete or
 * absent, permissions kept), so that tests can run it on a failing disk through {@link Cli#run(String[],
 * java.io.PrintWriter, java.io.PrintWriter, AtomicFileWriter)}.
 */
interface WritesFiles {
    void useWriter(AtomicFileWriter writer);
}
