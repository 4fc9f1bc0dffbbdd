package org.savevminspector.diff;

import java.util.List;
import java.util.function.UnaryOperator;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.fixtures.GuestWriter;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;

/** Pairs of files for the diff tests, and the comparison of two byte arrays. */
public final class DiffFixtures {
    private static final ImageInspector INSPECTOR = ImageInspector.standard();

    private DiffFixtures() {
    }

    public static DiffInput input(String name, byte[] bytes) {
        ByteSource src = ByteSource.of(bytes);
        return DiffInput.of(name, src, INSPECTOR.inspect(src));
    }

    public static DiffResult diff(byte[] a, byte[] b) {
        return diff(a, b, IgnoreRules.none());
    }

    public static DiffResult diff(byte[] a, byte[] b, IgnoreRules rules) {
        return new StructuralDiff(rules).compare(input("a.qevm", a), input("b.qevm", b));
    }

    /**
     * {@link org.savevminspector.fixtures.Fixtures#xenServer62()} written with upstream's headers (FORMAT.md V):
     * rtl8139 at its slot 0x20, {@code uhci}, piix4acpi labelled 1 — bodies unchanged.
     */
    public static byte[] xenServer62UpstreamNames() {
        return written(Guest.DEFAULT.withAcpi(1, 2, 1).withXenServer(true), e -> switch (e.idstr()) {
            case "rtl8139" -> renamed(e, "rtl8139", 0x20, e.version());
            case "UHCI usb controller" -> renamed(e, "uhci", e.instance(), e.version());
            case "piix4acpi" -> renamed(e, "piix4acpi", 0, 1);
            default -> e;
        });
    }

    /** The fixture writer's file for {@code guest} with every entry passed through {@code edit}. */
    public static byte[] written(Guest guest, UnaryOperator<GuestWriter.Entry> edit) {
        return GuestWriter.v3(GuestWriter.entries(guest).stream().map(edit).toList()).bytes();
    }

    public static GuestWriter.Entry renamed(GuestWriter.Entry e, String idstr, long instance, long version) {
        return new GuestWriter.Entry(e.sectionId(), idstr, instance, version, e.body());
    }

    /** The pairs that differ, as {@code idstr: path status, …} for compact assertions. */
    public static List<String> changes(DiffResult r) {
        return r.sections().stream().filter(p -> p.status().isDifference())
                .map(p -> p.idstr() + " " + p.status().json() + " " + p.fields().stream()
                        .map(f -> f.path() + " " + f.status().json()).toList())
                .toList();
    }

    public static FieldPair onlyField(SectionPair p) {
        if (p.fields().size() != 1) {
            throw new AssertionError("expected one field, got " + p.fields());
        }
        return p.fields().get(0);
    }
}
