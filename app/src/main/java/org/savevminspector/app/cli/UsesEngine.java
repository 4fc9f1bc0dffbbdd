package org.savevminspector.app.cli;

/**
 * A command that inspects files. It takes its inspector from the {@link Engine} it is given, which the command
 * line has been building on a second thread while picocli read the commands' annotations.
 */
interface UsesEngine {
    void useEngine(Engine engine);
}
