package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.CompatStreamBuilder;
import org.savevminspector.io.ByteSource;

/**
 * A v2 record whose labelled layout would read past the end of the data: record_len decides where the walk goes
 * on, and the message says the layout's length depends on bytes that are not there, not a length it never measured.
 */
class RecordLengthPastEndTest {

    /** "gamma" v1: a be32 count, then one more byte when it is not zero: its length depends on the count. */
    static final class Gamma extends DeviceLayoutBase {
        Gamma() {
            super("gamma", 1, "test", Layout.of(Layout.be32("n").keep(),
                    Layout.when(c -> c.get("n") != 0, Layout.u8("x"))));
        }
    }

    @Test
    void theLastRecordShorterThanItsLayoutAtTheEndOfTheData() {
        // the count is not all there: the record holds 2 bytes and the data ends with them
        byte[] b = CompatStreamBuilder.v2().record("gamma", 0, 1, new byte[] {1, 2}).build().bytes();
        ParseResult p = new SavevmParser(new DeviceCatalog(List.of(new Gamma()))).parse(ByteSource.of(b));
        assertEquals(List.of("RECORD_LENGTH_MISMATCH@30+4#0"), p.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.RECORD_LENGTH_MISMATCH).map(WalkEdgesTest::at).toList());
        assertEquals("record 'gamma' v1 at offset 16 (0x10): record_len says 2 bytes, the gamma v1 layout decodes a "
                + "length that depends on bytes past the end of the data", p.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.RECORD_LENGTH_MISMATCH).findFirst().orElseThrow().message());
        assertEquals(2, p.sections().get(0).body().length());
    }
}
