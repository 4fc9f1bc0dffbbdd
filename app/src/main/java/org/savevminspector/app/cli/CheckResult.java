package org.savevminspector.app.cli;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.loader.LoaderReport;

/**
 * What {@code check} found in one file, as every output format needs it.
 *
 * @param path        the file as given or found
 * @param status      ok, fail, error (could not be read, or the tool failed on it), skipped (no save-file
 *                    signature)
 * @param line        the text line: the verdict line, {@code FILE: ERROR …} for a failure of the tool, the
 *                    message ({@code cannot read FILE: why}) for a file that could not be read, the reason for
 *                    a skipped one
 * @param format      the stream's format ({@code qevm-v3}…), {@code null} when not inspected
 * @param container   the container kind ({@code xl-v2}, {@code raw}…), {@code null} when none was recognised
 * @param layers      {@code gzip}, {@code vhd}…: what it arrived in
 * @param errors      diagnostics of severity error (the layers' included)
 * @param warnings    diagnostics of severity warn
 * @param first       the first diagnostic at or above the threshold, or {@code null}
 * @param loader      the loader simulation, {@code null} when not inspected
 * @param exitCode    0, 1 or 2 for this file
 * @param loaderRow   the {@code --all-loaders} row, or {@code null}
 * @param unreadable  an error because the file could not be read (not a failure of the tool)
 */
record CheckResult(String path, Status status, String line, String format, String container, List<String> layers,
                   int errors, int warnings, Diagnostic first, LoaderReport loader, int exitCode,
                   List<LoaderReport> loaderRow, boolean unreadable) {

    enum Status {
        OK, FAIL, ERROR, SKIPPED;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A file that could not be read: {@code message} is {@code cannot read FILE: why}. */
    static CheckResult unreadable(String path, String message) {
        return new CheckResult(path, Status.ERROR, message, null, null, List.of(), 0, 0, null, null,
                ExitCodes.USAGE_OR_IO, null, true);
    }

    /** A file the tool failed on (a bug of ours): {@code line} is {@code FILE: ERROR what}. */
    static CheckResult failedOn(String path, String line) {
        return new CheckResult(path, Status.ERROR, line, null, null, List.of(), 0, 0, null, null,
                ExitCodes.USAGE_OR_IO, null, false);
    }

    static CheckResult skipped(String path, String why) {
        return new CheckResult(path, Status.SKIPPED, why, null, null, List.of(), 0, 0, null, null, ExitCodes.OK,
                null, false);
    }
}
