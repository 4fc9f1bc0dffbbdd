package org.savevminspector.stream;

import java.util.List;
import java.util.function.BiPredicate;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.acpi.AcpiMeanings;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ZeroExtendedSource;
import org.savevminspector.model.Hex;
import org.savevminspector.model.Section;

/**
 * The texts of a label/shape mismatch, naming it when it is a known writer bug (docs/FORMAT.md C.3).
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
     * @param name           who wrote it
     * @param consequences   what loaders do with it and how to repair it
     */
    record KnownProblem(String idstr, int label, int shape, String partner, int partnerVersion, String name,
                        String consequences) {
    }

    static final List<KnownProblem> TABLE = List.of(
            new KnownProblem(AcpiMeanings.PIIX4ACPI, 2, 1, AcpiMeanings.GPE, 1,
                    "the XenServer 6.0–6.2 piix4acpi record (docs/FORMAT.md, part C): labelled version 2 but written with the "
                            + "version-1 body, so the 4-byte pm1a_evt_blk_address is missing",
                    "XenServer's \"piix4acpi-pm-compat\" patch (2011–2013) reverted the body and the gpe record to "
                            + "version 1 but not piix4acpi's registered version 2. Upstream qemu-dm trusts the label: "
                            + "piix4acpi_load reads pm1a_evt_blk_address from the EOF marker and the bytes after "
                            + "it (zeros past the end of the file, error flag set), gets 0, unmaps PM1a_CNT at "
                            + "0xB004 and registers it at ports 0x0004-0x0005, which belong to the ISA DMA "
                            + "controller: hw_error(\"register_ioport_write: invalid opaque\") aborts qemu-dm "
                            + "(SIGABRT) and the guest is not resumed (FORMAT.md C.4, verified on the real loader). "
                            + "XenServer 6.0–6.2's own loader refused version 2 without reading and took the "
                            + "first body byte (00) as the EOF marker, silently not restoring the ACPI state "
                            + "(FORMAT.md C.5). Repair (FORMAT.md C.6): relabel the section to version 1 (one byte, recommended: "
                            + "the address is then implied as 0x1F40, V0) or insert 00 00 1F 40 after "
                            + "pm1_control (+4 bytes)."));

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

    /** The one-line message of a mismatch (the section's body length is the shape's). */
    static String message(Section s, long packed) {
        long labelled = labelled(packed);
        String labelSize = labelled >= 0 ? Long.toString(labelled) : "the v" + s.versionId() + " length";
        String what = "'" + s.idstr() + "' is labelled version " + s.versionId() + " but its body has the shape of "
                + "version " + s.shapeVersion() + " (" + s.body().length() + " bytes, not " + labelSize + ")";
        boolean named = known(s.idstr(), s.versionId(), s.shapeVersion()) != null && (packed & CORROBORATED) != 0;
        return what + (named ? ": XenServer 6.0–6.2 record" : "") + " at offset " + Hex.offset(s.header().offset());
    }

    /** The explanation: what a loader trusting the label does, and the known bug when it is one. */
    static String explanation(Section s, long packed, long size) {
        long shapeLen = s.body().length();
        long labelled = labelled(packed);
        String consequence = consequenceOfTrustingLabel(s, shapeLen, labelled, size)
                + cutShortAlternative(s, shapeLen, labelled, size);
        KnownProblem k = known(s.idstr(), s.versionId(), s.shapeVersion());
        if (k != null) {
            boolean corroborated = (packed & CORROBORATED) != 0;
            String named = "This is " + k.name() + (corroborated ? ", corroborated by " + k.partner() + " v"
                    + k.partnerVersion() + " in the same file" : " (not corroborated: " + k.partner() + " v"
                    + k.partnerVersion() + " is absent)") + ". ";
            return named + consequence + " " + k.consequences();
        }
        String landing = (packed & AT_EOF_MARKER) != 0 ? "the EOF marker" : "the next section header";
        return "Only a body of " + shapeLen + " bytes puts " + landing + " where it is. " + consequence;
    }

    /** A labelled body longer than the data could also be a genuine body cut short: say so. */
    private static String cutShortAlternative(Section s, long shapeLen, long labelled, long size) {
        if (labelled <= shapeLen || s.body().offset() + labelled <= size) {
            return "";
        }
        return " (The same bytes would also result from a genuine version-" + s.versionId() + " body cut short "
                + "right after offset " + Hex.offset(size - 1) + "; a file that ends exactly after a shorter "
                + "layout and a 00 byte is the mark of the mismatch, not proof of it.)";
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
    private static String consequenceOfTrustingLabel(Section s, long shapeLen, long labelled, long size) {
        if (labelled < 0) {
            return "A loader that trusts the label reads a different number of bytes and loses step with the stream.";
        }
        long diff = labelled - shapeLen;
        long shapeEnd = s.body().offset() + shapeLen;
        long labelEnd = s.body().offset() + labelled;
        if (diff > 0) {
            long pastEnd = Math.max(0, labelEnd - size);
            return "A loader that trusts the label reads " + diff + " byte(s) too many, from offset "
                    + Hex.offset(shapeEnd) + (pastEnd > 0 ? ", " + pastEnd + " of them past the end of the data" : "")
                    + ", and then takes whatever follows as the next section type.";
        }
        return "A loader that trusts the label stops " + (-diff) + " byte(s) early, at offset " + Hex.offset(labelEnd)
                + ", and takes a body byte for the next section type.";
    }
}
