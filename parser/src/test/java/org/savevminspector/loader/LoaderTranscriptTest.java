package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;

/**
 * What each loader makes of each kind of file, word for word: every diagnostic (code, offset, length, section,
 * message, explanation) and the report's outcome, result, stop position, over-read, sections not restored,
 * mis-reads and consequences. The expected transcripts are files under
 * {@code src/test/resources/org/savevminspector/loader/transcripts/}, one per (file, profile), read in review like
 * the output a user sees. After a deliberate change of wording, {@code -Dtranscripts.write=true} rewrites them
 * (run from the parser module); the diff is then the change to review.
 */
class LoaderTranscriptTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("piix4acpi-case", "upstream"),
                Arguments.of("piix4acpi-case", "xen-4.0"),
                Arguments.of("piix4acpi-case", "xenserver-6.0-6.2"),
                Arguments.of("piix4acpi-case", "xenserver-6.5+"),
                Arguments.of("sample", "upstream"),
                Arguments.of("default", "upstream"),
                Arguments.of("default", "xen-4.0"),
                Arguments.of("xenserver-6.2", "upstream"),
                Arguments.of("xenserver-6.2", "xenserver-6.0-6.2"),
                Arguments.of("xenserver-6.5", "upstream"),
                Arguments.of("xenserver-6.5", "xenserver-6.5+"),
                Arguments.of("xenserver-6.5-two-nics", "xenserver-6.5+"),
                Arguments.of("xen-4.0", "xen-4.0"),
                Arguments.of("missing-eof", "upstream"),
                Arguments.of("v2", "upstream"),
                Arguments.of("v2", "xen-4.0"),
                Arguments.of("v2", "xenserver-6.0-6.2"),
                Arguments.of("v2", "xenserver-6.5+"),
                Arguments.of("v1", "upstream"),
                Arguments.of("v1", "xenserver-6.0-6.2"),
                Arguments.of("v1-era-piix4acpi", "upstream"),
                Arguments.of("v1-era-piix4acpi", "xen-4.0"),
                Arguments.of("std-vga", "upstream"),
                Arguments.of("std-vga", "xenserver-6.5+"),
                Arguments.of("xenserver-6.2-stdvga", "xenserver-6.0-6.2"),
                Arguments.of("no-usb-no-nic", "upstream"),
                Arguments.of("no-pci-devfn", "upstream"),
                Arguments.of("nics", "upstream"),
                Arguments.of("two-rtl8139", "upstream"),
                Arguments.of("ac97", "upstream"),
                Arguments.of("ide-4", "upstream"),
                Arguments.of("cirrus-vram", "upstream"),
                Arguments.of("cut-at-5000", "upstream"),
                Arguments.of("unknown-section-type", "upstream"),
                Arguments.of("trailing-bytes", "upstream"),
                Arguments.of("xen-pvdevice", "upstream"),
                Arguments.of("xen-pvdevice", "xenserver-6.5+"),
                Arguments.of("pckbd-labelled-2", "upstream"),
                Arguments.of("relabelled", "upstream"),
                Arguments.of("upgraded", "xenserver-6.0-6.2"));
    }

    static byte[] file(String name) {
        return switch (name) {
            case "piix4acpi-case" -> Fixtures.piix4acpiCase().bytes();
            case "sample" -> Fixtures.sample();
            case "default" -> Fixtures.defaultGuest().bytes();
            case "xenserver-6.2" -> Fixtures.xenServer62().bytes();
            case "xenserver-6.5" -> Fixtures.xenServer65().bytes();
            case "xenserver-6.5-two-nics" -> Fixtures.write(Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true)
                    .withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139)).bytes();
            case "xen-4.0" -> Fixtures.xen40().bytes();
            case "missing-eof" -> Fixtures.missingEof();
            case "v2" -> Fixtures.v2Compat().bytes();
            case "v1" -> Fixtures.v1File().bytes();
            case "v1-era-piix4acpi" -> Fixtures.v1EraPiix4acpiInV3();
            case "std-vga" -> Fixtures.stdVga().bytes();
            case "xenserver-6.2-stdvga" -> Fixtures.xenServer62StdVga().bytes();
            case "no-usb-no-nic" -> Fixtures.noUsbNoNic().bytes();
            case "no-pci-devfn" -> Fixtures.noPciDevfn().bytes();
            case "nics" -> Fixtures.write(Guest.DEFAULT.withNics(Guest.Nic.E1000, Guest.Nic.NE2K_PCI, Guest.Nic.PCNET))
                    .bytes();
            case "two-rtl8139" -> Fixtures.twoRtl8139().bytes();
            case "ac97" -> Fixtures.ac97().bytes();
            case "ide-4" -> Fixtures.ideDrives(4).bytes();
            case "cirrus-vram" -> Fixtures.cirrusWithVram().bytes();
            case "cut-at-5000" -> Fixtures.truncated(Fixtures.piix4acpiCase().bytes(), 5000);
            case "unknown-section-type" -> Fixtures.unknownSectionType();
            case "trailing-bytes" -> Fixtures.trailingBytes();
            case "xen-pvdevice" -> Fixtures.unknownDevice().bytes();
            case "pckbd-labelled-2" -> Fixtures.pckbdLabelled2();
            case "relabelled" -> Fixtures.piix4acpiRelabelled();
            case "upgraded" -> Fixtures.piix4acpiUpgraded();
            default -> throw new IllegalArgumentException(name);
        };
    }


    /** The transcript of one inspection: what a user reads, one fact a line. */
    static String transcript(Inspection i) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : i.diagnostics()) {
            lines.add(d.code() + " @" + d.offset() + "+" + d.length() + " #" + d.section());
            lines.add("  " + d.message());
            if (!d.explanation().isEmpty()) {
                lines.add("  " + d.explanation());
            }
        }
        LoaderReport r = i.loader();
        lines.add("report " + r.profile() + ": " + r.verdict() + ", " + r.outcome() + ", result " + r.result()
                + ", stopped at " + r.stoppedAt() + ", " + r.overrunBytes() + " byte(s) past the end");
        lines.add("  " + r.message());
        r.notRestored().forEach(n -> lines.add("not restored #" + n.section() + " " + n.idstr() + " instance "
                + n.instance() + ": " + n.reason()));
        r.misreads().forEach(m -> lines.add("misread #" + m.section() + " " + m.idstr() + " @" + m.offset()
                + ", body " + m.bodyLength() + ", read " + m.bytesRead() + ": " + m.message()));
        r.consequences().forEach(c -> lines.add("consequence: " + c));
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void theLoaderSaysExactlyThis(String file, String profile) throws IOException {
        Inspection i = Inspector.standard().inspect(ByteSource.of(file(file)), ParseOptions.DEFAULT,
                LoaderProfiles.byName(profile));
        String name = file + "." + profile + ".txt";
        String actual = transcript(i);
        if (Boolean.getBoolean("transcripts.write")) {
            Files.writeString(Path.of("src/test/resources/org/savevminspector/loader/transcripts", name), actual);
        }
        try (InputStream in = LoaderTranscriptTest.class.getResourceAsStream("transcripts/" + name)) {
            String expected = in == null ? "(no transcript " + name + ")" : new String(in.readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(expected, actual, name);
        }
    }
}
