package org.savevminspector.diagnostics;

import java.util.function.Supplier;

/**
 * A text of the {@link Catalogue} with its arguments, worded when read: {@code {0}}, {@code {1}} … in the
 * pattern take the arguments in order. An {@link Offset} reads by the {@link Coordinates} given, a
 * {@link Wording} is worded in turn, a {@link Supplier} is asked then (a list of a million sections not
 * restored is worded only when someone reads it), anything else is its {@code String.valueOf}.
 */
public final class Wording {
    private final String pattern;
    private final Object[] args;

    Wording(String pattern, Object[] args) {
        this.pattern = pattern;
        this.args = args;
    }

    /**
     * A text outside the diagnostic catalogue whose offsets must still read by the file shown (the loader's
     * account of how a load ends): {@code pattern} with {@code args}, as a catalogue template takes them.
     */
    public static Wording of(String pattern, Object... args) {
        return new Wording(pattern, args);
    }

    /** {@code parts} one after the other, each read as an argument is. */
    public static Wording join(Object... parts) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            p.append('{').append(i).append('}');
        }
        return new Wording(p.toString(), parts);
    }

    /** The text read by {@code at}. */
    public String read(Coordinates at) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            int n = close > i + 1 && isIndex(pattern, i + 1, close) ? Integer.parseInt(pattern, i + 1, close, 10) : -1;
            if (n >= 0 && n < args.length) {
                out.append(argument(args[n], at));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The text of a bare file. */
    public String read() {
        return read(Coordinates.FILE);
    }

    private static boolean isIndex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return to - from <= 2;
    }

    private static String argument(Object a, Coordinates at) {
        if (a instanceof Offset o) {
            return o.read(at);
        }
        if (a instanceof Wording w) {
            return w.read(at);
        }
        if (a instanceof Supplier<?> s) {
            return argument(s.get(), at);
        }
        return String.valueOf(a);
    }

    @Override
    public String toString() {
        return read();
    }
}
