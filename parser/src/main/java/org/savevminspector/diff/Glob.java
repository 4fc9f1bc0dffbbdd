package org.savevminspector.diff;

import java.util.regex.Pattern;

/**
 * A field-path glob of {@code --ignore}: {@code *} stands for any characters (dots included), {@code ?} for one;
 * everything else is literal, so {@code pci.irq_state[0]} means itself. Matched against the whole path.
 */
record Glob(String text, Pattern pattern) {

    static Glob of(String text) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                flush(re, literal);
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(re, literal);
        return new Glob(text, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    private static void flush(StringBuilder re, StringBuilder literal) {
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }
}
