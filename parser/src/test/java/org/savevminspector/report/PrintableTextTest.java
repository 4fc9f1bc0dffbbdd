package org.savevminspector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Non-printable characters are escaped the way {@code ls -b} and {@code git} show them; printable text is kept. */
class PrintableTextTest {
    @Test
    void controlsBecomeEscapes() {
        assertEquals("\\x1b[31mred\\x1b]0;title\\a", PrintableText.escape("\u001b[31mred\u001b]0;title\u0007"));
        assertEquals("a\\tb\\nc\\rd\\be\\vf\\fg\\x00h\\x7f", PrintableText.escape("a\tb\nc\rd\be\u000bf\fg\0h\u007f"));
        assertEquals("\\x9b2J\\x85", PrintableText.escape("\u009b2J\u0085"), "C1 controls, as an idstr's bytes");
        assertEquals("abc\\u202edef\\u200b\\u2028\\ufeff", PrintableText.escape("abc\u202edef\u200b\u2028\ufeff"));
        assertEquals("\\ud800x", PrintableText.escape("\ud800x"), "an unpaired surrogate");
        assertEquals("\\U000e0001", PrintableText.escape(new String(Character.toChars(0xE0001))), "a tag character");
    }

    @Test
    void printableTextIsKeptAsItIs() {
        String text = "piix4acpi 2≠1 – ‘Straße’ 日本 \uD83D\uDE00 é \\x41 ÿ";
        assertSame(text, PrintableText.escape(text), "nothing to escape: the same string, not a copy");
        assertNull(PrintableText.escape(null));
    }
}
