package org.savevminspector.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.loader.LoaderReport;

/**
 * {@code check --format jsonl|json}: one object per file, in the order the files were given or found, then the
 * summary. As JSON Lines every object is one line, written as soon as its file is done (a pipeline sees results
 * while the check goes on); as JSON the objects are the elements of {@code "files"} in one document, followed by
 * {@code "summary"}. Streamed either way: nothing is held but the line being written.
 */
public final class CheckJson {
    private final Writer out;
    private final boolean lines;
    private JsonGenerator document;

    public CheckJson(Writer out, boolean lines) {
        this.out = out;
        this.lines = lines;
    }

    /**
     * One file: {@code {"path","status","format","container","compression","disk","errors","warnings","first":
     * {"code","offset","message"},"loader":{"profile","outcome","verdict"},"message"}}.
     *
     * @param status  {@code ok}, {@code fail}, {@code error} or {@code skipped}
     * @param layers  what it arrived in ({@code gzip}, {@code vhd}), outermost first
     * @param first   the first diagnostic at or above the threshold, or {@code null}
     * @param loader  the loader simulation, or {@code null} when the file was not inspected
     * @param message why a file was skipped or not read, else {@code null}
     */
    public void file(String path, String status, String format, String container, List<String> layers,
                     int errors, int warnings, Diagnostic first, LoaderReport loader, String message)
            throws IOException {
        JsonGenerator g = begin();
        g.writeStartObject();
        g.writeStringField("path", path);
        g.writeStringField("status", status);
        g.writeStringField("format", format);
        g.writeStringField("container", container);
        g.writeStringField("compression", layers.stream().filter(l -> !l.equals("vhd")).findFirst().orElse(null));
        g.writeStringField("disk", layers.contains("vhd") ? "vhd" : null);
        g.writeNumberField("errors", errors);
        g.writeNumberField("warnings", warnings);
        if (first == null) {
            g.writeNullField("first");
        } else {
            g.writeObjectFieldStart("first");
            g.writeStringField("code", first.code().name());
            g.writeNumberField("offset", first.offset());
            g.writeStringField("message", first.message());
            g.writeEndObject();
        }
        if (loader == null) {
            g.writeNullField("loader");
        } else {
            g.writeObjectFieldStart("loader");
            g.writeStringField("profile", loader.profile());
            g.writeStringField("outcome", loader.outcome().json());
            g.writeStringField("verdict", loader.verdict().word());
            g.writeEndObject();
        }
        g.writeStringField("message", message);
        g.writeEndObject();
        end(g);
    }

    /** The closing summary: {@code {"files","ok","fail","skipped","unreadable","seconds"}}. */
    public void summary(long files, long ok, long fail, long skipped, long unreadable, double seconds)
            throws IOException {
        JsonGenerator g = begin();
        if (lines) {
            g.writeStartObject();
        } else {
            g.writeEndArray();
        }
        g.writeObjectFieldStart("summary");
        g.writeNumberField("files", files);
        g.writeNumberField("ok", ok);
        g.writeNumberField("fail", fail);
        g.writeNumberField("skipped", skipped);
        g.writeNumberField("unreadable", unreadable);
        g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
        g.writeEndObject();
        g.writeEndObject();
        g.close();
        out.write('\n');
        out.flush();
        document = null;
    }

    private JsonGenerator begin() throws IOException {
        if (lines) {
            return JsonParts.compactGenerator(out);
        }
        if (document == null) {
            document = JsonParts.generator(out);
            document.writeStartObject();
            document.writeArrayFieldStart("files");
        }
        return document;
    }

    private void end(JsonGenerator g) throws IOException {
        if (lines) {
            g.close();
            out.write('\n');
        } else {
            g.flush();
        }
        out.flush();
    }
}
