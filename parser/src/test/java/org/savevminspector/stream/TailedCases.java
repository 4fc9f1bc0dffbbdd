package org.savevminspector.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;
import org.savevminspector.repair.RepairOptions;
import org.savevminspector.repair.RepairPlan;
import org.savevminspector.repair.RepairStrategy;
import org.savevminspector.repair.Repairer;

/**
 * The seed's case followed by whatever a carve, a copy or a careless tool leaves after the EOF marker, and the
 * oracle for it (issue 6): the XenServer 6.0–6.2 isolated case (piix4acpi labelled 2 with the 278-byte version-1
 * body, EOF marker at 7512) stays that diagnosis whatever follows; a genuine version-2 file stays version 2. Used
 * by the table-driven test, the jqwik property and the shape-chooser fuzz test.
 */
public final class TailedCases {
    /** The isolated case: gpe v1 + piix4acpi labelled 2 with the v1 body; EOF marker at 7512. */
    public static final byte[] MISMATCH = Fixtures.piix4acpiCase().bytes();
    public static final long MISMATCH_EOF = 7512;
    /** A genuine upstream file: gpe v2 + piix4acpi v2 with its 282-byte body; EOF marker at 7524. */
    public static final byte[] GENUINE = Fixtures.defaultGuest().bytes();
    public static final long GENUINE_EOF = 7524;

    private static final Inspector INSPECTOR = Inspector.standard();
    private static final Repairer REPAIRER = new Repairer(INSPECTOR);
    /** The repair of the case alone, per strategy: the same for every tail, so made once (the fuzz target's rate). */
    private static final Map<RepairStrategy, byte[]> UNTAILED_REPAIRS = new ConcurrentHashMap<>();

    private TailedCases() {
    }

    public static byte[] withTail(byte[] base, byte[] tail) {
        byte[] out = Arrays.copyOf(base, base.length + tail.length);
        System.arraycopy(tail, 0, out, base.length, tail.length);
        return out;
    }

    /**
     * Whether {@code tail} after the mismatch case completes a genuine version-2 body: the loader's reading of
     * pm1a_evt_blk_address (the EOF byte, then the tail, zeros past the end) is a value a writer produces. Those
     * bytes are a genuine v2 body (cut short, or followed by more), not the mismatch: no oracle can call them.
     */
    public static boolean completesAGenuineBody(byte[] tail) {
        long v = 0;
        for (int i = 0; i < 3; i++) {
            v = (v << 8) | (i < tail.length ? tail[i] & 0xFF : 0);
        }
        return v == 0x1F40 || v == 0xB000;
    }

    /**
     * Whether {@code tail} turns the version-2 reading into a well-formed continuation of the stream: after the 3
     * bytes that complete pm1a_evt_blk_address, a FULL header of a device we know with a higher section id. The
     * labelled reading then lands on a known header, which keeps the label (a bit flip in a genuine body's
     * expected value must not turn the rest of a file into trailing bytes). Random bytes practically never do
     * this; the tail fuzz target built such a tail on purpose.
     */
    public static boolean continuesTheStream(byte[] tail) {
        ByteSource src = ByteSource.of(withTail(MISMATCH, tail));
        long sectionId = Fixtures.piix4acpiCase().section("piix4acpi").sectionId();
        return new HeaderProbe(src, org.savevminspector.devices.DeviceCatalog.standard())
                .landing(MISMATCH_EOF + 4, sectionId) == HeaderProbe.Landing.HEADER_KNOWN;
    }

    /** Checks the mismatch case + {@code tail}; returns what went wrong, or an empty list. */
    public static List<String> mismatchProblems(byte[] tail) {
        byte[] file = withTail(MISMATCH, tail);
        Inspection i = INSPECTOR.inspect(ByteSource.of(file));
        List<String> p = new ArrayList<>();
        Section acpi = piix4acpi(i);
        expect(p, acpi.body().length() == 278, "piix4acpi body " + acpi.body().length() + ", not 278");
        expect(p, acpi.labelMismatch() && acpi.versionId() == 2 && acpi.shapeVersion() == 1, "no label mismatch");
        expect(p, i.parse().eof() != null && i.parse().eof().offset() == MISMATCH_EOF, "EOF " + i.parse().eof());
        expect(p, count(i, DiagnosticCode.VERSION_LABEL_MISMATCH) == 1, "not one VERSION_LABEL_MISMATCH");
        trailing(p, i, MISMATCH_EOF + 1, tail.length);
        for (DiagnosticCode wrong : new DiagnosticCode[] {DiagnosticCode.TRUNCATED, DiagnosticCode.MISSING_EOF,
            DiagnosticCode.UNKNOWN_SECTION_TYPE, DiagnosticCode.INTERNAL_ERROR}) {
            expect(p, count(i, wrong) == 0, wrong + " present");
        }
        return p;
    }

    /** Checks the genuine file + {@code tail}. */
    public static List<String> genuineProblems(byte[] tail) {
        Inspection i = INSPECTOR.inspect(ByteSource.of(withTail(GENUINE, tail)));
        List<String> p = new ArrayList<>();
        Section acpi = piix4acpi(i);
        expect(p, acpi.body().length() == 282 && acpi.shapeVersion() == 2 && !acpi.labelMismatch(),
                "piix4acpi not a v2 body: " + acpi.body().length() + " bytes, shape " + acpi.shapeVersion());
        expect(p, i.parse().eof() != null && i.parse().eof().offset() == GENUINE_EOF, "EOF " + i.parse().eof());
        expect(p, count(i, DiagnosticCode.VERSION_LABEL_MISMATCH) == 0, "VERSION_LABEL_MISMATCH present");
        trailing(p, i, GENUINE_EOF + 1, tail.length);
        return p;
    }

    /**
     * Repair with {@code strategy} and trimming on the mismatch case + {@code tail}, and on the case alone: the two
     * results must be the same bytes.
     */
    public static List<String> repairProblems(byte[] tail, RepairStrategy strategy) {
        byte[] expected = UNTAILED_REPAIRS.computeIfAbsent(strategy, s -> plan(MISMATCH, s).result());
        RepairPlan tailed = plan(withTail(MISMATCH, tail), strategy);
        List<String> p = new ArrayList<>();
        expect(p, tailed.acceptable(), strategy + " refused on the tailed file: " + tailed);
        expect(p, Arrays.equals(expected, tailed.result()), strategy + ": repaired bytes differ from the untailed "
                + "file's (" + (tailed.result() == null ? "none" : tailed.result().length + " bytes") + ")");
        return p;
    }

    static RepairPlan plan(byte[] file, RepairStrategy strategy) {
        Inspection before = INSPECTOR.inspect(ByteSource.of(file));
        return REPAIRER.plan(ByteSource.of(file), before, new RepairOptions(strategy, true));
    }

    private static void trailing(List<String> p, Inspection i, long at, int length) {
        List<Diagnostic> t = i.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.TRAILING_BYTES).toList();
        if (length == 0) {
            expect(p, t.isEmpty() && i.parse().trailing() == null, "TRAILING_BYTES without a tail");
        } else {
            expect(p, t.size() == 1 && t.get(0).offset() == at && t.get(0).length() == length,
                    "not TRAILING_BYTES at " + at + " +" + length + ": " + t);
            expect(p, i.parse().trailing() != null && i.parse().trailing().offset() == at
                    && i.parse().trailing().length() == length, "trailing span " + i.parse().trailing());
        }
    }

    private static Section piix4acpi(Inspection i) {
        return i.sections().stream().filter(s -> s.idstr().equals("piix4acpi")).findFirst()
                .orElseThrow(() -> new AssertionError("no piix4acpi section"));
    }

    private static long count(Inspection i, DiagnosticCode code) {
        return i.diagnostics().stream().filter(d -> d.code() == code).count();
    }

    private static void expect(List<String> problems, boolean ok, String what) {
        if (!ok) {
            problems.add(what);
        }
    }
}
