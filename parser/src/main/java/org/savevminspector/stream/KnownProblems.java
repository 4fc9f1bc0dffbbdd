package org.savevminspector.stream;

import java.util.List;
import java.util.function.BiPredicate;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.diagnostics.Catalogue;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.diagnostics.Wording;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ZeroExtendedSource;
import org.savevminspector.model.Section;

/**
 * The catalogue entry and arguments of a label/shape mismatch, naming it when it is a known writer bug
 * (docs/FORMAT.md C.3).
 * The table holds the bugs whose fingerprint is known; everything else gets the generic explanation.
 */
final class KnownProblems {

    /**
     * A known writer bug.
     *
     * @param idstr          device
     * @param label          version label written
     * @param shape          version whose body was written
     * @param partner        another section that the same writer always wrote, corroborating the diagnosis
     * @param partnerVersion its version
     * @param key            its texts in the {@link Catalogue}: {@code VERSION_LABEL_MISMATCH.known-<key>-name}
     *                       (who wrote it) and {@code known-<key>-consequences} (what loaders do with it and how to
     *                       repair it)
     */
    record KnownProblem(String idstr, int label, int shape, String partner, int partnerVersion, String key) {
        Wording nameText() {
            return part("known-" + key + "-name");
        }

        Wording consequencesText() {
            return part("known-" + key + "-consequences");
        }

        String name() {
            return nameText().read();
        }

        String consequences() {
            return consequencesText().read();
        }
    }

    static final List<KnownProblem> TABLE = List.of(
            new KnownProblem(AcpiMeanings.PIIX4ACPI, 2, 1, AcpiMeanings.GPE, 1, "xenserver-piix4acpi"));

    private KnownProblems() {
    }

    private static final long LABELLED_BITS = (1L << 56) - 1;
    private static final long AT_EOF_MARKER = 1L << 56;
    private static final long CORROBORATED = 1L << 57;

    /** The known writer bug a mismatch of (idstr, label, shape) is, if any. */
    static KnownProblem known(String idstr, long label, int shape) {
        for (KnownProblem k : TABLE) {
            if (k.idstr().equals(idstr) && k.label() == label && k.shape() == shape) {
                return k;
            }
        }
        return null;
    }

    /**
     * What a VERSION_LABEL_MISMATCH diagnostic keeps besides its section, measured when the walk finds it: the body
     * length a loader trusting the label reads (-1: unknown), whether the chosen shape ends on the EOF marker or on
     * a header, and whether the known bug's partner section came before.
     *
     * @param earlier whether a section (idstr, version) came before this one
     */
    static long pack(String idstr, long label, long bodyStart, ShapeChooser.Choice chosen, DeviceCatalog catalog,
                     ByteSource src, BiPredicate<String, Long> earlier) {
        long labelled = catalog.find(idstr, label).map(d -> measureAsLoader(d, src, bodyStart)).orElse(-1L);
        boolean atEof = switch (chosen.landing()) {
            case EOF_EXACT, EOF_WITH_PADDING, EOF_WITH_TRAILING -> true;
            default -> false;
        };
        KnownProblem k = known(idstr, label, chosen.layout().version());
        boolean corroborated = k != null && earlier.test(k.partner(), (long) k.partnerVersion());
        return ((labelled + 1) & LABELLED_BITS) | (atEof ? AT_EOF_MARKER : 0) | (corroborated ? CORROBORATED : 0);
    }

    private static long labelled(long packed) {
        return (packed & LABELLED_BITS) - 1;
    }

    /**
     * The catalogue entry of a mismatch: named after the known bug when it is one and corroborated, with the
     * length a loader trusting the label reads when known.
     */
    static Catalogue.Entry entry(Section s, long packed) {
        KnownProblem k = known(s.idstr(), s.versionId(), s.shapeVersion());
        return Catalogue.entry(DiagnosticCode.VERSION_LABEL_MISMATCH, (k == null ? "shape" : "known-shape")
                + (k != null && (packed & CORROBORATED) != 0 ? "-named" : "")
                + (labelled(packed) >= 0 ? "" : "-unmeasured"));
    }

    /**
     * The arguments of a mismatch's texts (the section's body length is the shape's): the section, what a loader
     * trusting the label does, and the known bug when it is one.
     */
    static Object[] args(Section s, long packed, long size) {
        long shapeLen = s.body().length();
        long labelled = labelled(packed);
        KnownProblem k = known(s.idstr(), s.versionId(), s.shapeVersion());
        Object opening;
        if (k != null) {
            opening = part((packed & CORROBORATED) != 0 ? "part-this-is" : "part-this-is-uncorroborated",
                    k.nameText(), k.partner(), k.partnerVersion());
        } else {
            opening = part((packed & AT_EOF_MARKER) != 0 ? "part-only-body-eof" : "part-only-body-header", shapeLen);
        }
        return new Object[] {s.idstr(), s.versionId(), s.shapeVersion(), shapeLen, labelled,
                Offset.of(s.header().offset()), opening, consequenceOfTrustingLabel(s, shapeLen, labelled, size),
                cutShortAlternative(s, shapeLen, labelled, size), k == null ? "" : k.consequencesText()};
    }

    private static Wording part(String variant, Object... args) {
        return Catalogue.entry(DiagnosticCode.VERSION_LABEL_MISMATCH, variant).message(args);
    }

    /** A labelled body longer than the data could also be a genuine body cut short: say so. */
    private static Object cutShortAlternative(Section s, long shapeLen, long labelled, long size) {
        if (labelled <= shapeLen || s.body().offset() + labelled <= size) {
            return "";
        }
        return part("part-cut-short", s.versionId(), Offset.of(size - 1));
    }

    /** The body length a loader trusting this layout would read: counts past the end read as zero, as in qemu. */
    private static long measureAsLoader(DeviceLayout d, ByteSource src, long bodyStart) {
        try {
            return d.layout().measure(new ZeroExtendedSource(src), bodyStart, Long.MAX_VALUE);
        } catch (Cursor.Truncated t) {
            return -1;
        }
    }

    /** @param labelled the body length under the label as a loader measures it, -1 when unknown */
    private static Wording consequenceOfTrustingLabel(Section s, long shapeLen, long labelled, long size) {
        if (labelled < 0) {
            return part("part-label-unknown-length");
        }
        long diff = labelled - shapeLen;
        long shapeEnd = s.body().offset() + shapeLen;
        long labelEnd = s.body().offset() + labelled;
        if (diff > 0) {
            long pastEnd = Math.max(0, labelEnd - size);
            return pastEnd > 0 ? part("part-label-too-many-past-end", diff, Offset.of(shapeEnd), pastEnd)
                    : part("part-label-too-many", diff, Offset.of(shapeEnd));
        }
        return part("part-label-too-few", -diff, Offset.of(labelEnd));
    }
}
