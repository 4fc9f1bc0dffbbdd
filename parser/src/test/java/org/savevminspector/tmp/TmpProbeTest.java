package org.savevminspector.tmp;

import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

class TmpProbeTest {
    @Test
    void probe() {
        org.savevminspector.fixtures.DeviceFixtures.all().forEach((name, b) -> Inspector.standard().inspect(ByteSource.of(b)).diagnostics().forEach(d -> {
            {
                System.out.println("PROBE " + name + ": " + d.code() + " " + d.message());
            }
        }));
    }
}
