package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;

/**
 * XenServer's name for the UHCI controller is its fingerprint whatever the label says: the words are the first
 * row's, also for a label no layout has (the words of a private label name the layout's source; this one has none).
 */
class FingerprintWordsTest {

    @Test
    void xenServersUhciNameWithALabelNoLayoutHas() {
        byte[] b = StreamBuilder.v3().full(1, XenServerNames.UHCI, 0, 99, new byte[4]).eof().build().bytes();
        ParseResult p = SavevmParser.standard().parse(ByteSource.of(b));
        List<Diagnostic> f = p.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.XENSERVER_FINGERPRINT)
                .toList();
        assertEquals(List.of("XENSERVER_FINGERPRINT@8+33#0"), f.stream().map(WalkEdgesTest::at).toList());
        assertEquals("idstr 'UHCI usb controller' is XenServer's name for upstream 'uhci' "
                + "(fix_savevm_v1_compatibility.patch); upstream does not know it", f.get(0).message());
    }
}
