package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Section;

/**
 * A body followed by what looks like a FULL header whose idstr holds a byte below 0x20: the landing is judged
 * implausible (idstrs are printable), and the walk still reads that header as the next section, for what it is.
 */
class LandingOnBinaryNameTest {

    @Test
    void aNameWithAControlByteIsAnImplausibleLandingNotAFailure() {
        byte[] b = StreamBuilder.v3().full(1, "timer", 0, 2, Bodies.timer()).full(2, "\u0001ab", 0, 1, new byte[4])
                .eof().build().bytes();
        ParseResult p = SavevmParser.standard().parse(ByteSource.of(b));
        List<Section> s = p.sections();
        assertEquals(List.of("timer", "\u0001ab"), s.stream().map(Section::idstr).toList());
        assertEquals(8, s.get(0).body().length());
        assertEquals(35, s.get(1).header().offset());
        assertEquals(List.of("UNKNOWN_DEVICE@35+17#1", "RESYNCHRONISED@52+4#1"),
                p.diagnostics().stream().map(WalkEdgesTest::at).toList());
    }
}
