package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * A check that one decoded field (found by path, in every repetition of an array on the way) holds a value a
 * genuine writer produces. Most checks of the catalogue are one of these, written as data.
 */
abstract class FieldRule extends CheckBase {
    private final DiagnosticCode code;
    private final String[] path;
    private final LongPredicate ok;
    private final LongFunction<String> problem;

    /**
     * @param path    field names from the top of the body; an array name matches each of its elements
     * @param problem what is wrong with a value that fails {@code ok}: the variant of {@code code} in the
     *                {@link org.savevminspector.diagnostics.Catalogue} that says it
     */
    FieldRule(String id, String title, String description, DiagnosticCode code, Set<String> idstrs, String[] path,
              LongPredicate ok, LongFunction<String> problem) {
        super(id, title, description, List.of(code), idstrs);
        this.code = code;
        this.path = path.clone();
        this.ok = ok;
        this.problem = problem;
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        visit(s, s.fields(), 0, out);
    }

    private void visit(Section s, List<Field> level, int depth, List<Diagnostic> out) {
        for (Field f : level) {
            boolean matches = f.name().equals(path[depth]) || f.name().startsWith(path[depth] + "[");
            if (!matches) {
                continue;
            }
            if (depth + 1 < path.length) {
                visit(s, f.children(), depth + 1, out);
                if (f.name().equals(path[depth])) {
                    // an array: its elements carry the next names
                    for (Field element : f.children()) {
                        if (element.name().startsWith(path[depth] + "[")) {
                            visit(s, element.children(), depth + 1, out);
                        }
                    }
                }
            } else if (f.isScalar() && !ok.test(f.value())) {
                out.add(Diagnostic.raise(code, problem.apply(f.value()), f.span().offset(), f.span().length(),
                        s.index(), s.idstr(), f.name(), f.value()));
            }
        }
    }
}
