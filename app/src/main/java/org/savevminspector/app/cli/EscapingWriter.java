package org.savevminspector.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.savevminspector.report.PrintableText;

/**
 * The last guard before the terminal: every C0 control but the newline, DEL and every C1 control that reaches the
 * CLI's standard output or error is written escaped ({@code \x1b}), whatever code path produced it. The reports
 * escape what they quote ({@link PrintableText}), which also keeps a newline inside a name from forging a line;
 * this catches anything that slips past them. JSON never trips it: its generator escapes the same characters.
 */
final class EscapingWriter extends FilterWriter {

    EscapingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (passes(c)) {
            out.write(c);
        } else {
            out.write(escape(c));
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (!passes(cbuf[i])) {
                out.write(cbuf, start, i - start);
                out.write(escape(cbuf[i]));
                start = i + 1;
            }
        }
        out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        char[] chars = new char[len];
        str.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
    }

    /** Only controls are judged here: a surrogate pair may be split across two writes. */
    private static boolean passes(int c) {
        return c == '\n' || c >= 0xA0 || PrintableText.isPrintable(c);
    }

    private static String escape(int c) {
        return PrintableText.escape(String.valueOf((char) c));
    }
}
