package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.savevminspector.report.CheckJson;
import org.savevminspector.report.PrintableText;

/**
 * Prints {@code check}'s results as they come, in order, and the summary: text lines (an unreadable file's
 * reason on standard error, as for every command, unless the check is a fleet's, where every file has its line),
 * JSON Lines or one JSON document. Counts what it printed, so that Ctrl+C can end with the summary so far.
 */
final class CheckOutput {
    private final CheckCommand.Format format;
    private final boolean withSummary;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CheckJson json;
    private final long started = System.nanoTime();
    private long files;
    private long ok;
    private long fail;
    private long skipped;
    private long unreadable;
    private int exit = ExitCodes.OK;
    private boolean summarised;

    /**
     * @param withSummary a fleet's output ({@code --recursive}, or a JSON format): every file on standard output,
     *                    then the summary
     */
    CheckOutput(CheckCommand.Format format, boolean withSummary, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.withSummary = withSummary;
        this.out = out;
        this.err = err;
        this.json = format == CheckCommand.Format.TEXT ? null : new CheckJson(out, format == CheckCommand.Format.JSONL);
    }

    synchronized void file(CheckResult r) {
        if (summarised) {
            return;
        }
        files++;
        switch (r.status()) {
            case OK -> ok++;
            case FAIL -> fail++;
            case SKIPPED -> skipped++;
            default -> unreadable++;
        }
        exit = Math.max(exit, r.exitCode());
        if (json != null) {
            try {
                String message = r.status() == CheckResult.Status.SKIPPED || r.status() == CheckResult.Status.ERROR
                        ? r.line() : null;
                json.file(r.path(), r.status().json(), r.format(), r.container(), r.layers(), r.errors(),
                        r.warnings(), r.first(), r.loader(), message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        switch (r.status()) {
            case SKIPPED -> out.println(PrintableText.escape(r.path()) + ": skipped (" + r.line() + ")");
            case ERROR -> {
                if (!r.unreadable()) {
                    out.println(r.line());
                } else if (withSummary) {
                    out.println(PrintableText.escape(r.path() + ": ERROR " + r.line()));
                } else {
                    Cli.error(err, r.line());
                }
            }
            default -> out.println(r.line());
        }
        out.flush();
    }

    /** The summary, once: at the end, or when Ctrl+C ends the check (then it says so). */
    synchronized void summary() {
        summary(false);
    }

    /** For the signal handler: the summary of what was printed so far. */
    void interrupted() {
        summary(true);
    }

    private synchronized void summary(boolean interrupted) {
        if (summarised || !withSummary) {
            return;
        }
        summarised = true;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json != null) {
            try {
                json.summary(files, ok, fail, skipped, unreadable, seconds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println(String.format(Locale.ROOT, "%s %d file%s in %.1f s: %d ok, %d with errors, %d skipped, "
                    + "%d unreadable", interrupted ? "Interrupted after" : "Checked", files, files == 1 ? "" : "s",
                    seconds, ok, fail, skipped, unreadable));
        }
        out.flush();
    }

    synchronized int exitCode() {
        return exit;
    }
}
