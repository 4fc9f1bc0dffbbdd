package org.savevminspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.BrokenImages;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.fixtures.Edit;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.fixtures.VhdWriter;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputLayer;
import org.savevminspector.io.InputName;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.compress.Compression;

/**
 * Every diagnostic code is produced by some input: a code nothing emits is dead, and a regression that stops
 * emitting one fails here. Each input is a fixture named after the situation it stands for.
 */
class DiagnosticCoverageTest {
    @TempDir
    Path dir;

    @Test
    void everyCodeIsEmittedByTheFixtures() throws IOException {
        List<byte[]> inputs = new ArrayList<>(Fixtures.all().values());
        inputs.add(Edit.of(Fixtures.piix4acpiCase()).version("piix4acpi", 3).bytes());
        inputs.add(orphanEnd());
        inputs.add(duplicateWithLowerId());
        inputs.addAll(DeviceFixtures.all().values());
        inputs.addAll(BrokenImages.all().values());
        Set<DiagnosticCode> seen = EnumSet.noneOf(DiagnosticCode.class);
        for (byte[] b : inputs) {
            // the image inspection: a bare stream gives exactly the Inspector's diagnostics, an image adds its own
            for (Diagnostic d : ImageInspector.standard().inspect(ByteSource.of(b)).inspection().diagnostics()) {
                seen.add(d.code());
            }
        }
        // INTERNAL_ERROR is what a bug of ours becomes: no file makes it any more, a broken layout does
        for (Diagnostic d : InternalErrorContainmentTest.brokenInspector()
                .inspect(ByteSource.of(InternalErrorContainmentTest.streamWithBrokenSection())).diagnostics()) {
            seen.add(d.code());
        }
        // what a save file arrived in: compressed data cut short, VHDs spoiled one way each
        for (Path p : layered()) {
            try (Input in = new InputOpener(InputOpener.Options.defaults().withParents(List.of(InputName.of(
                    dir.resolve("other.vhd"))))).open(InputName.of(p))) {
                for (InputLayer l : in.layers()) {
                    l.diagnostics().forEach(d -> seen.add(d.code()));
                }
            }
        }
        assertEquals(EnumSet.allOf(DiagnosticCode.class), seen);
    }

    private List<Path> layered() throws IOException {
        byte[] image = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.defaultGuest().bytes(), 20);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream o = Compression.GZIP.encoder(gz)) {
            o.write(image);
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        VhdWriter disk = new VhdWriter(1 << 20).blockSize(64 << 10).put(0, image);
        byte[] fixed = disk.fixed();
        List<Path> out = new ArrayList<>();
        out.add(Files.write(dir.resolve("cut.gz"), cut));
        out.add(Files.write(dir.resolve("spoiled.vhd"), disk.spoil(VhdWriter.Spoil.FOOTER).dynamic()));
        out.add(Files.write(dir.resolve("past.vhd"), new VhdWriter(1 << 20).blockSize(64 << 10).put(0, image)
                .batPastEnd(1).dynamic()));
        out.add(Files.write(dir.resolve("overlap.vhd"), new VhdWriter(1 << 20).blockSize(64 << 10).put(0, image)
                .overlap(0, 1).dynamic()));
        out.add(Files.write(dir.resolve("short.vhd"), Arrays.copyOfRange(fixed, 512, fixed.length)));
        Files.write(dir.resolve("other.vhd"), new VhdWriter(1 << 20).uniqueId(new java.util.UUID(5, 5)).dynamic());
        out.add(Files.write(dir.resolve("child.vhd"), new VhdWriter(1 << 20).put(0, new byte[] {1})
                .differencing(disk, "./parent.vhd")));
        return out;
    }

    /** An END section whose START never came: upstream stops with "Unknown savevm section 1". */
    private static byte[] orphanEnd() {
        return StreamBuilder.v3().end(1, new byte[0]).eof().build().bytes();
    }

    /** The timer section written twice, the second time with a section id that does not increase. */
    private static byte[] duplicateWithLowerId() {
        byte[] timer = new byte[] {0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78};
        return StreamBuilder.v3().ramLive(1).full(3, "timer", 0, 2, timer).full(2, "timer", 0, 2, timer).eof().build()
                .bytes();
    }
}
