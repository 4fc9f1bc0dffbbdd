package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;

/** The badge counts the gravest severity; its tooltip says every count; Wireshark's "chat" is "info". */
class SeverityWordsTest {

    @Test
    void countsAreWordsWithTheirPluralsAndInfoHasNone() {
        assertEquals("1 error", SeverityWords.count(1, Severity.ERROR));
        assertEquals("3 errors", SeverityWords.count(3, Severity.ERROR));
        assertEquals("1 warning", SeverityWords.count(1, Severity.WARN));
        assertEquals("2 warnings", SeverityWords.count(2, Severity.WARN));
        assertEquals("1 note", SeverityWords.count(1, Severity.NOTE));
        assertEquals("2 notes", SeverityWords.count(2, Severity.NOTE));
        assertEquals("1 info", SeverityWords.count(1, Severity.INFO));
        assertEquals("2 info", SeverityWords.count(2, Severity.INFO));
        assertEquals("info", Severity.INFO.json());
    }

    @Test
    void theBadgeCountsTheGravestSeverityAndTheBreakdownEveryOne() {
        assertEquals("3 errors", SeverityWords.badge(Samples.SAMPLE_INSPECTION));
        assertEquals("3 errors, 1 warning, 2 notes", SeverityWords.breakdown(Samples.SAMPLE_INSPECTION));
        Inspection trailing = Samples.inspect(Fixtures.trailingBytes());
        assertEquals("1 warning", SeverityWords.badge(trailing));
        assertEquals("1 warning", SeverityWords.breakdown(trailing));
        Inspection v2 = Samples.inspect(Fixtures.v2Compat().bytes());
        assertEquals("1 info", SeverityWords.badge(v2));
        assertEquals("1 info", SeverityWords.breakdown(v2));
        Inspection clean = Samples.inspect(Fixtures.defaultGuest().bytes());
        assertEquals("ok", SeverityWords.badge(clean));
        assertEquals("No diagnostics", SeverityWords.breakdown(clean));
    }
}
