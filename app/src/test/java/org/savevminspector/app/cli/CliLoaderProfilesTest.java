package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.fixtures.Fixtures;

/** {@code --loader}, {@code --all-loaders} and the conversion strategies on fixture files. */
class CliLoaderProfilesTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void inspectJsonCarriesTheChosenProfilesLoaderObject() throws Exception {
        Path f = write("xs62.qevm", Fixtures.xenServer62().bytes());
        CliRun r = CliRun.of("inspect", f.toString(), "--format", "json", "--loader", "xenserver-6.0-6.2");
        assertEquals(0, r.exit(), r.toString());
        JsonNode loader = r.json().get("loader");
        assertEquals("xenserver-6.0-6.2", loader.get("profile").textValue());
        assertEquals("loaded", loader.get("outcome").textValue());
        assertEquals(0, loader.get("result").intValue());
        assertEquals(7250, loader.get("stoppedAt").intValue());
        assertEquals(0, loader.get("overrunBytes").intValue());
        assertEquals("mis-read", loader.get("verdict").textValue());
        JsonNode lost = loader.get("notRestored");
        assertEquals(1, lost.size());
        assertEquals("piix4acpi", lost.get(0).get("idstr").textValue());
        assertEquals(23, lost.get(0).get("section").intValue());
        JsonNode consequences = loader.get("consequences");
        assertEquals(1, consequences.size());
        assertEquals("XenServer 6.0–6.2 qemu-dm reports success and resumes the guest, but 1 section(s) are not "
                + "restored, with no message: #23 piix4acpi.", consequences.get(0).textValue());
    }

    @Test
    void inspectDefaultsToUpstream() throws Exception {
        Path f = write("default.qevm", Fixtures.defaultGuest().bytes());
        JsonNode loader = CliRun.of("inspect", f.toString(), "--format", "json").json().get("loader");
        assertEquals("upstream", loader.get("profile").textValue());
        assertEquals(0, loader.get("notRestored").size());
    }

    @Test
    void anUnknownProfileIsAUsageError() throws Exception {
        Path f = write("default.qevm", Fixtures.defaultGuest().bytes());
        CliRun r = CliRun.of("inspect", f.toString(), "--loader", "xenserver-7");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("expected one of: upstream, xen-4.0, xenserver-6.0-6.2, xenserver-6.5+"),
                r.err());
    }

    @Test
    void checkWithALoaderFailsWhenThatLoaderMisreads() throws Exception {
        Path xs62 = write("xs62.qevm", Fixtures.xenServer62().bytes());
        Path xs65 = write("xs65.qevm", Fixtures.xenServer65().bytes());
        // the piix4acpi label mismatch is an error diagnostic, but XenServer 6.5 reads the record as intended
        CliRun ok = CliRun.of("check", xs62.toString(), "--loader", "xenserver-6.5+");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals(xs62 + ": ok (loader xenserver-6.5+: OK, loaded, result 0)\n", ok.out());
        CliRun misread = CliRun.of("check", xs62.toString(), "--loader", "xenserver-6.0-6.2");
        assertEquals(1, misread.exit(), misread.toString());
        assertEquals(xs62 + ": FAIL (loader xenserver-6.0-6.2: mis-read, loaded, result 0) not restored: #23 "
                + "piix4acpi (1 in all)\n", misread.out());
        CliRun rejected = CliRun.of("check", xs65.toString(), "--loader", "xenserver-6.0-6.2");
        assertEquals(1, rejected.exit(), rejected.toString());
        assertTrue(rejected.out().startsWith(xs65 + ": FAIL (loader xenserver-6.0-6.2: rejected, aborted) "
                + "qemu_loadvm_state returns -22 (savevm: unsupported version 2 for 'gpe' v1)"), rejected.out());
    }

    @Test
    void checkAllLoadersPrintsTheMatrix() throws Exception {
        Path up = write("default.qevm", Fixtures.defaultGuest().bytes());
        Path xs62 = write("xs62.qevm", Fixtures.xenServer62().bytes());
        CliRun r = CliRun.of("check", up.toString(), xs62.toString(), "--all-loaders");
        String[] lines = r.out().split("\n");
        int at = java.util.Arrays.asList(lines).indexOf("Loaders:");
        assertTrue(at > 0, r.out());
        assertTrue(lines[at + 1].matches("file\\s+upstream\\s+xen-4.0\\s+xenserver-6.0-6.2\\s+xenserver-6.5\\+"),
                lines[at + 1]);
        assertTrue(lines[at + 2].matches(".*default.qevm\\s+OK\\s+rejected\\s+rejected\\s+rejected"), lines[at + 2]);
        assertTrue(lines[at + 3].matches(".*xs62.qevm\\s+rejected\\s+rejected\\s+mis-read\\s+OK"), lines[at + 3]);
    }

    @Test
    void repairToUpstreamWritesAFileUpstreamLoads() throws Exception {
        Path in = write("xs65.qevm", Fixtures.xenServer65().bytes());
        Path out = dir.resolve("up.qevm");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString(), "--strategy", "to-upstream");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Verified on: upstream → OK"), r.out());
        assertTrue(r.out().contains("Accepted by: upstream"), r.out());
        CliRun check = CliRun.of("check", out.toString(), "--loader", "upstream");
        assertEquals(0, check.exit(), check.toString());
        assertArrayEquals(Fixtures.xenServer65().bytes(), Files.readAllBytes(in));
    }

    @Test
    void repairToXenServerRefusesTwoRtl8139Nics() throws Exception {
        Path in = write("two.qevm", Fixtures.twoRtl8139().bytes());
        Path out = dir.resolve("xs.qevm");
        CliRun r = CliRun.of("repair", in.toString(), "-o", out.toString(), "--strategy", "to-xenserver");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("restore NIC 2 into NIC 1"), r.err());
        assertTrue(Files.notExists(out));
    }
}
