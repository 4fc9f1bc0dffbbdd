package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.savevminspector.app.gui.compare.DiffRow;
import org.savevminspector.diff.DiffStatus;

/**
 * The compare window's colours are readable in both themes (WCAG 2.1 AA): the text of each row of the comparison
 * list on that row's background, and the hex text on the differing-bytes fill, at least 4.5:1; the outline of the
 * differing bytes, a graphic, at least 3:1 against every fill it is drawn on; a text box's prompt (the ignore
 * globs) on the box, 4.5:1 too. The colours are read from the stylesheets themselves: which looked-up colour each
 * rule of {@code inspector.css} uses, and its value in {@code theme-light.css} and {@code theme-dark.css}.
 */
class ThemeContrastTest {
    private static final Pattern VARIABLE = Pattern.compile("(-[\\w-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

    private static String css(String resource) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The looked-up colours a palette defines. */
    private static Map<String, String> palette(String resource) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(css(resource));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The looked-up colour that {@code property} takes in the one rule of {@code inspector.css} for {@code selector}. */
    private static String uses(String base, String selector, String property) {
        Matcher m = Pattern.compile(Pattern.quote(selector) + "\\s*\\{\\s*" + Pattern.quote(property) + ":\\s*(-[\\w-]+);")
                .matcher(base);
        assertTrue(m.find(), "no rule " + selector + " { " + property + " } in inspector.css");
        return m.group(1);
    }

    /** WCAG 2.1 relative luminance of {@code #rrggbb}. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        assertEquals(4.48, contrast("#777777", "#ffffff"), 0.01); // the classic grey that just fails AA
    }

    @Test
    void everyRowOfTheComparisonListAndTheDifferingBytesAreReadableInBothThemes() throws IOException {
        String base = css(Themes.BASE);
        for (String theme : List.of(Themes.LIGHT, Themes.DARK)) {
            Map<String, String> colours = palette(theme);
            for (DiffStatus status : DiffStatus.values()) {
                String row = ".diff-list .tree-table-row-cell." + DiffRow.styleClass(status);
                String bg = colours.get(uses(base, row, "-fx-background-color"));
                String fg = colours.get(uses(base, row + " .text", "-fx-fill"));
                assertNotNull(bg, theme + " " + row);
                assertNotNull(fg, theme + " " + row);
                double ratio = contrast(fg, bg);
                assertTrue(ratio >= 4.5, theme + ": " + status + " rows " + fg + " on " + bg + " = " + ratio);
            }
            String fill = colours.get(uses(base, ".hex-differs", "-fx-background-color"));
            String edge = colours.get(uses(base, ".hex-differs-edge", "-fx-background-color"));
            String text = colours.get("-hex-fg");
            double ratio = contrast(text, fill);
            assertTrue(ratio >= 4.5, theme + ": hex text " + text + " on the differing bytes " + fill + " = " + ratio);
            // the outline is drawn over the pane and over every fill a differing byte can have under it
            for (String under : Arrays.asList("-hex-bg", "-hl-differs", "-hl-selected", "-hl-error", "-hl-section-body",
                    "-hl-section-header", "-hl-trailing")) {
                double r = contrast(edge, colours.get(under));
                assertTrue(r >= 3, theme + ": the differing bytes' edge " + edge + " on " + under + " = " + r);
            }
            String prompt = colours.get(uses(base, ".text-input", "-fx-prompt-text-fill"));
            double hint = contrast(prompt, colours.get("-pane-bg"));
            assertTrue(hint >= 4.5, theme + ": a text box's prompt " + prompt + " = " + hint);
            double sel = contrast(colours.get("-selection-fg"), colours.get("-selection-bg"));
            assertTrue(sel >= 4.5, theme + ": a selected row's text = " + sel);
        }
    }
}
