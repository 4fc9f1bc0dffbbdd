package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;

/**
 * No input makes a command end in an internal error (issue 6): mutants of real-writer files through
 * {@code inspect} (text and JSON), {@code repair} and one {@code check} over all of them, which must give exactly
 * one line per file. The cuts include those that used to crash (v2-compat and v1 records, cirrus_vga).
 */
class CliHostileInputTest {
    @TempDir
    Path dir;

    private List<Path> mutants() throws Exception {
        List<byte[]> out = new ArrayList<>();
        byte[] v2 = Fixtures.v2Compat().bytes();
        byte[] v1 = Fixtures.v1File().bytes();
        byte[] v3 = Fixtures.sample();
        for (int cut : new int[] {84, 379, 2547, 5000}) {
            out.add(Arrays.copyOf(v2, cut));
            out.add(Arrays.copyOf(v1, cut));
            out.add(Arrays.copyOf(v3, cut));
        }
        Random rnd = new Random(10);
        for (int i = 0; i < 12; i++) {
            byte[] m = (i % 2 == 0 ? v3 : v2).clone();
            m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
            out.add(m);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            files.add(Files.write(dir.resolve("mutant-" + i + ".qevm"), out.get(i)));
        }
        return files;
    }

    @Test
    void everyCommandAnswersOnMutantsWithoutAnInternalError() throws Exception {
        List<Path> files = mutants();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            for (CliRun r : new CliRun[] {CliRun.of("inspect", f.toString()),
                CliRun.of("inspect", "--format", "json", f.toString())}) {
                assertFalse(r.err().contains("internal error") || r.out().contains("INTERNAL_ERROR"), f + " " + r);
                assertEquals(0, r.exit(), "a report was printed, whatever it says: " + f + " " + r);
            }
            Path out = dir.resolve(f.getFileName() + ".out");
            CliRun r = CliRun.of("repair", f.toString(), "-o", out.toString());
            assertFalse(r.err().contains("internal error") || r.out().contains("INTERNAL_ERROR"), f + " " + r);
            // the sample's flips (mutants 12, 14, … 22) keep its XenServer piix4acpi label mismatch, which the
            // relabel repairs; a cut file, and the v2 file whatever its flip, leave relabel nothing to do
            boolean repaired = i >= 12 && i % 2 == 0;
            assertEquals(0, r.exit(), f + " " + r);
            assertEquals(repaired, Files.exists(out), f + " " + r);
            assertEquals(!repaired, (r.out() + r.err()).contains("nothing to repair"), f + " " + r);
        }
        List<String> args = new ArrayList<>(List.of("check"));
        files.forEach(f -> args.add(f.toString()));
        CliRun check = CliRun.of(args.toArray(String[]::new));
        assertEquals(files.size(), check.out().lines().count(), check.toString());
        assertEquals("", check.err(), check.toString());
        assertEquals(1, check.exit(), "every mutant has an error-level finding, none is an internal error");
    }
}
