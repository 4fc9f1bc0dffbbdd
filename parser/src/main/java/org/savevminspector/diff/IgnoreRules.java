package org.savevminspector.diff;

import java.util.ArrayList;
import java.util.List;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/**
 * What a comparison leaves out: field-path globs ({@code --ignore}) and, with {@code --ignore-volatile}, the
 * {@link VolatileFields volatile set}. A glob is matched against {@code IDSTR.PATH} for either file's idstr and
 * upstream's name for it ({@code uhci.frnum} also covers XenServer's {@code UHCI usb controller}); a glob that
 * names a section ({@code timer}) or a group ({@code rtl8139.tally.*}, {@code ide.drive[1]}) leaves out
 * everything inside it.
 */
public final class IgnoreRules {
    private static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Rule> rules;

    private record Rule(Glob glob, List<Span> bytes) {
    }

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static IgnoreRules none() {
        return NONE;
    }

    /** The user's globs, plus the volatile set when {@code volatileSet}. */
    public static IgnoreRules of(List<String> globs, boolean volatileSet) {
        List<Rule> rules = new ArrayList<>();
        for (String g : globs) {
            rules.add(new Rule(Glob.of(g), List.of()));
        }
        if (volatileSet) {
            for (VolatileField v : VolatileFields.ALL) {
                for (String g : v.globs()) {
                    rules.add(new Rule(Glob.of(g), v.bytes()));
                }
            }
        }
        return new IgnoreRules(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the section pair itself is left out (a glob names its device). */
    boolean ignoresSection(Section a, Section b) {
        return ignores(a, b, "");
    }

    /** Whether the field at {@code path} (and everything inside it) is left out entirely. */
    boolean ignores(Section a, Section b, String path) {
        for (Rule r : rules) {
            if (r.bytes().isEmpty() && matches(r.glob(), a, b, path)) {
                return true;
            }
        }
        return false;
    }

    /** The byte ranges of the field at {@code path} (relative to its start) that never count as differing. */
    List<Span> masks(Section a, Section b, String path) {
        List<Span> out = List.of();
        for (Rule r : rules) {
            if (!r.bytes().isEmpty() && matches(r.glob(), a, b, path)) {
                out = out.isEmpty() ? r.bytes() : concat(out, r.bytes());
            }
        }
        return out;
    }

    private static boolean matches(Glob g, Section a, Section b, String path) {
        return matchesName(g, a, path) || matchesName(g, b, path);
    }

    private static boolean matchesName(Glob g, Section s, String path) {
        if (s == null || s.idstr() == null) {
            return false;
        }
        String upstream = XenServerNames.upstreamName(s.idstr());
        return g.matches(full(s.idstr(), path)) || (!upstream.equals(s.idstr()) && g.matches(full(upstream, path)));
    }

    private static String full(String idstr, String path) {
        return path.isEmpty() ? idstr : idstr + "." + path;
    }

    private static List<Span> concat(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
