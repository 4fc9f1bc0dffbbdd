package org.savevminspector.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One in-process run of the CLI with captured streams; JSON output is checked against docs/schema/ on the way. */
record CliRun(int exit, String out, String err) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        JsonSchemas.check(args, out.toString());
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return MAPPER.readTree(out);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error stream is exactly one line and holds no stack trace. */
    boolean oneErrorLine() {
        return err.lines().count() == 1 && !err.contains("\tat ") && !err.contains("Exception");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
