package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.DeviceFixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/**
 * Cut and damaged copies of the device fixtures (old formats, XenServer's dialect, the check findings) inspect
 * without an exception, and every cut is reported.
 */
class DeviceFixturesRobustnessTest {

    @Test
    void everyCutOfTheSmallFixturesInspects() {
        for (Map.Entry<String, byte[]> e : DeviceFixtures.all().entrySet()) {
            byte[] f = e.getValue();
            // about 150 spread cuts per file (every offset of the smallest), 20 of the 8 MiB one
            int step = Math.max(1, f.length / (f.length > 1 << 20 ? 20 : 150));
            for (int cut = 0; cut < f.length; cut += step) {
                byte[] part = Arrays.copyOf(f, cut);
                int at = cut;
                Inspection i = assertDoesNotThrow(() -> Inspector.standard().inspect(ByteSource.of(part)),
                        e.getKey() + " cut at " + at);
                if (cut == 0) {
                    continue;
                }
                // a cut stream says so, in one way only: a cut inside a header or body (TRUNCATED, once or more),
                // or no EOF marker after the last whole section, which then ends where the bytes do
                Set<DiagnosticCode> ends = i.diagnostics().stream().map(Diagnostic::code)
                        .filter(c -> c == DiagnosticCode.TRUNCATED || c == DiagnosticCode.MISSING_EOF)
                        .collect(Collectors.toSet());
                assertEquals(1, ends.size(), e.getKey() + " cut at " + at + ": " + ends);
                if (ends.contains(DiagnosticCode.MISSING_EOF)) {
                    List<Section> sections = i.parse().sections();
                    long end = sections.isEmpty() ? i.parse().header().span().end()
                            : sections.get(sections.size() - 1).body().end();
                    assertEquals(cut, end, e.getKey() + " cut at " + at);
                }
            }
        }
    }

    @Test
    void randomByteDamageInspects() {
        Random r = new Random(8);
        for (Map.Entry<String, byte[]> e : DeviceFixtures.all().entrySet()) {
            if (e.getValue().length > 1 << 20) {
                continue;
            }
            for (int round = 0; round < 25; round++) {
                byte[] f = e.getValue().clone();
                for (int k = 0; k < 8; k++) {
                    f[r.nextInt(f.length)] = (byte) r.nextInt(256);
                }
                assertDoesNotThrow(() -> Inspector.standard().inspect(ByteSource.of(f)), e.getKey());
            }
        }
    }
}
