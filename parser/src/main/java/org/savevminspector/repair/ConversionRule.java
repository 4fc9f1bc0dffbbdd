package org.savevminspector.repair;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;

/**
 * One row of a conversion between loader families: which sections it concerns and the header edit it makes, or
 * why it cannot make one. Rows are data; {@link Conversion} applies every row to every section.
 */
sealed interface ConversionRule permits ConversionRule.Rename, ConversionRule.Relabel, ConversionRule.Reinstance,
        ConversionRule.Refuse {

    /** What this row does to {@code s}: nothing, an edit, or a refusal. */
    Optional<Outcome> apply(Section s, Context ctx);

    /** The input a row sees: the original bytes and facts about the whole file. */
    record Context(ByteSource original, NicSlots slots) {
    }

    /** An edit, or the reason the conversion cannot be done. Exactly one is non-null. */
    record Outcome(ByteEdit edit, String refusal) {
        static Outcome edit(ByteEdit e) {
            return new Outcome(e, null);
        }

        static Outcome refuse(String why) {
            return new Outcome(null, why);
        }
    }

    /** idstr {@code from} becomes {@code to} (the header length changes by the difference). */
    record Rename(String from, String to, String why) implements ConversionRule {
        @Override
        public Optional<Outcome> apply(Section s, Context ctx) {
            if (!from.equals(s.idstr())) {
                return Optional.empty();
            }
            int delta = to.length() - from.length();
            return Optional.of(Outcome.edit(HeaderEdits.rename(s, ctx.original(), to, "rename '" + from + "' → '"
                    + to + "' (header " + (delta < 0 ? "−" + -delta : "+" + delta) + " bytes): " + why)));
        }
    }

    /** Label {@code from} becomes {@code to} for sections of {@code idstr} whose body has {@code shape} (-1: any). */
    record Relabel(String idstr, long from, int shape, long to, String why) implements ConversionRule {
        @Override
        public Optional<Outcome> apply(Section s, Context ctx) {
            boolean shapeFits = shape < 0 || (s.decoded() && s.shapeVersion() == shape);
            if (!idstr.equals(s.idstr()) || s.versionId() != from || !shapeFits) {
                return Optional.empty();
            }
            return Optional.of(Outcome.edit(HeaderEdits.version(s, ctx.original(), to, "relabel '" + idstr + "' "
                    + from + " → " + to + ": " + why)));
        }
    }

    /**
     * The instance id of {@code idstr} sections that {@code applies} selects becomes {@code target(s)}; a
     * non-empty {@code refuse} result stops the conversion instead.
     */
    record Reinstance(String idstr, Predicate<Section> applies, Function<Context, Optional<String>> refuse,
                      Target target, String why) implements ConversionRule {
        /** The new instance and how it was found. */
        interface Target {
            long instance(Section s, Context ctx);

            String derivation(Context ctx);
        }

        @Override
        public Optional<Outcome> apply(Section s, Context ctx) {
            if (!idstr.equals(s.idstr()) || !applies.test(s)) {
                return Optional.empty();
            }
            Optional<String> no = refuse.apply(ctx);
            if (no.isPresent()) {
                return Optional.of(Outcome.refuse(no.get()));
            }
            long to = target.instance(s, ctx);
            return Optional.of(Outcome.edit(HeaderEdits.instance(s, ctx.original(), to, "'" + idstr + "' instance "
                    + Hex.plain(s.instanceId()) + " → " + Hex.plain(to) + ": " + why + " (" + target.derivation(ctx)
                    + ")")));
        }
    }

    /** Sections the target loader cannot be given at all. */
    record Refuse(List<String> idstrs, Predicate<Section> when, String why) implements ConversionRule {
        public Refuse {
            idstrs = List.copyOf(idstrs);
        }

        @Override
        public Optional<Outcome> apply(Section s, Context ctx) {
            if (!idstrs.contains(s.idstr()) || !when.test(s)) {
                return Optional.empty();
            }
            return Optional.of(Outcome.refuse("section #" + s.index() + " '" + s.idstr() + "' v" + s.versionId()
                    + ": " + why));
        }
    }
}
