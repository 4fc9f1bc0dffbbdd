package org.savevminspector.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/**
 * Every repair strategy, with and without trimming, on each kind of file, edit for edit: the bytes before and
 * after at each offset and why, the refusal, what the repair fixes, what it would introduce, the size of the result
 * and which loaders accept it. One transcript per file under
 * {@code src/test/resources/org/savevminspector/repair/transcripts/}; {@code -Dtranscripts.write=true} rewrites
 * them after a deliberate change (run from the parser module).
 */
class RepairTranscriptTest {

    static Map<String, byte[]> files() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("piix4acpi-case", Fixtures.piix4acpiCase().bytes());
        m.put("sample", Fixtures.sample());
        m.put("default", Fixtures.defaultGuest().bytes());
        m.put("xenserver-6.2", Fixtures.xenServer62().bytes());
        m.put("xenserver-6.2-stdvga", Fixtures.xenServer62StdVga().bytes());
        m.put("xenserver-6.5", Fixtures.xenServer65().bytes());
        m.put("xenserver-6.5-two-nics", Fixtures.write(Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true)
                .withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139)).bytes());
        m.put("two-rtl8139", Fixtures.twoRtl8139().bytes());
        m.put("nics", Fixtures.write(Guest.DEFAULT.withNics(Guest.Nic.E1000, Guest.Nic.PCNET)).bytes());
        m.put("std-vga", Fixtures.stdVga().bytes());
        m.put("no-usb-no-nic", Fixtures.noUsbNoNic().bytes());
        m.put("v2", Fixtures.v2Compat().bytes());
        m.put("cut-at-5000", Fixtures.truncated(Fixtures.piix4acpiCase().bytes(), 5000));
        m.put("rtl8139-and-e1000", Fixtures.write(Guest.DEFAULT.withNics(Guest.Nic.RTL8139, Guest.Nic.E1000)).bytes());
        m.put("v2-body-labelled-1", Fixtures.write(Guest.DEFAULT.withAcpi(2, 1, 2)).bytes());
        m.put("v1-body-labelled-3", Fixtures.write(Guest.DEFAULT.withAcpi(1, 3, 1)).bytes());
        m.put("pckbd-labelled-2", Fixtures.pckbdLabelled2());
        m.put("v1-era-piix4acpi", Fixtures.v1EraPiix4acpiInV3());
        m.put("junk-after-the-eof-marker", junkTail());
        return m;
    }


    /** The seed's case followed by bytes that are not padding. */
    private static byte[] junkTail() {
        byte[] seed = Fixtures.piix4acpiCase().bytes();
        byte[] out = java.util.Arrays.copyOf(seed, seed.length + 5);
        System.arraycopy(new byte[] {1, 2, 3, 4, 5}, 0, out, seed.length, 5);
        return out;
    }

    static Stream<String> names() {
        return files().keySet().stream();
    }

    private static String codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code() + "@" + d.offset()).toList().toString();
    }

    static String transcript(byte[] input) {
        Inspector inspector = Inspector.standard();
        ByteSource src = ByteSource.of(input);
        var before = inspector.inspect(src);
        List<String> lines = new ArrayList<>();
        for (RepairStrategy s : RepairStrategy.values()) {
            for (boolean trim : new boolean[] {false, true}) {
                RepairPlan p = new Repairer(inspector).plan(src, before, new RepairOptions(s, trim));
                lines.add(s.cliName() + (trim ? " --trim-trailing" : "") + ": "
                        + (p.acceptable() ? "acceptable" : p.hasEdits() ? "refused" : "nothing to do")
                        + ", " + p.result().length + " bytes, accepted by " + p.acceptedBy());
                if (p.refusal() != null) {
                    lines.add("  refusal: " + p.refusal());
                }
                p.edits().forEach(e -> lines.add("  edit " + e));
                if (p.hasEdits()) {
                    lines.add("  fixed " + codes(p.fixed()));
                    lines.add("  introduced " + codes(p.introduced()));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyStrategyDoesExactlyThis(String name) throws IOException {
        String actual = transcript(files().get(name));
        String file = name + ".txt";
        if (Boolean.getBoolean("transcripts.write")) {
            Files.writeString(Path.of("src/test/resources/org/savevminspector/repair/transcripts", file), actual);
        }
        try (InputStream in = RepairTranscriptTest.class.getResourceAsStream("transcripts/" + file)) {
            String expected = in == null ? "(no transcript " + file + ")"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, file);
        }
    }
}
