package org.savevminspector.app.cli;

/**
 * A command that reads input files. It opens them through the {@link InputFile.Opener} it is given, so that tests
 * can count what a command reads (a large save image must cost a few of its bytes, not all of them).
 */
interface ReadsFiles {
    void useOpener(InputFile.Opener opener);
}
