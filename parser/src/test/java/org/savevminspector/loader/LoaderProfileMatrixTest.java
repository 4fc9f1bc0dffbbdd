package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.Guest;
import org.savevminspector.io.ByteSource;
import org.savevminspector.stream.ParseOptions;
import org.savevminspector.stream.SavevmParser;

/**
 * Spec Appendix V's matrix, profile by profile: what each real loader did with each kind of file. One row per
 * (fixture, profile): the verdict, the outcome, the result and where the loader stopped.
 */
class LoaderProfileMatrixTest {
    private static final DeviceCatalog CATALOG = DeviceCatalog.standard();

    static LoaderReport run(byte[] bytes, String profile) {
        ByteSource src = ByteSource.of(bytes);
        var parse = new SavevmParser(CATALOG).parse(src, ParseOptions.DEFAULT);
        return new LoaderSimulator(CATALOG).simulate(src, parse, LoaderProfiles.byName(profile)).report();
    }

    static byte[] fixture(String name) {
        return switch (name) {
            case "default" -> Fixtures.defaultGuest().bytes();
            case "piix4acpi-case" -> Fixtures.piix4acpiCase().bytes();
            case "xenserver-6.2" -> Fixtures.xenServer62().bytes();
            case "xenserver-6.2-stdvga" -> Fixtures.xenServer62StdVga().bytes();
            case "xenserver-6.5" -> Fixtures.xenServer65().bytes();
            case "xen-4.0" -> Fixtures.xen40().bytes();
            case "std-vga" -> Fixtures.stdVga().bytes();
            case "xenserver-names-upstream-acpi" -> Fixtures.write(Guest.DEFAULT.withXenServer(true)).bytes();
            case "xenserver-6.5-two-nics" -> Fixtures.write(Guest.DEFAULT.withAcpi(2, 3, 2).withXenServer(true)
                    .withNics(Guest.Nic.RTL8139, Guest.Nic.RTL8139)).bytes();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Stream<Arguments> all() {
        String[] f = {"default", "piix4acpi-case", "xenserver-6.2", "xenserver-6.2-stdvga", "xenserver-6.5",
                "xen-4.0", "std-vga", "xenserver-names-upstream-acpi", "xenserver-6.5-two-nics"};
        return Stream.of(f).flatMap(x -> LoaderProfiles.all().stream().map(p -> Arguments.of(x, p.name())));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("all")
    void dump(String fixture, String profile) {
        LoaderReport r = run(fixture(fixture), profile);
        System.out.println(fixture + " × " + profile + " → " + r.verdict().word() + " " + r.outcome().json() + " "
                + r.result() + " stop " + r.stoppedAt() + " of " + fixture(fixture).length + ": " + r.message());
        r.notRestored().forEach(n -> System.out.println("    not restored #" + n.section() + " " + n.idstr() + ": " + n.reason()));
        r.consequences().forEach(c -> System.out.println("    → " + c));
        assertEquals(1, 1);
    }
}
