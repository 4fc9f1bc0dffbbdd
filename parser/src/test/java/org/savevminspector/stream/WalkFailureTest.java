package org.savevminspector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Bodies;
import org.savevminspector.fixtures.BrokenLayout;
import org.savevminspector.fixtures.StreamBuilder;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Span;

/**
 * A bug of ours in the middle of a walk (simulated by layouts that fail as a programming error would) costs the
 * user nothing that was walked: one INTERNAL_ERROR where it happened, naming the section when the failure came
 * after the section joined the walk, and the rest of the data shown unparsed from where the walk's knowledge ends.
 */
class WalkFailureTest {

    /** "sourceless" v1: a be32 body, measured fine; naming its source (as a cut body's message does) throws. */
    static final class Sourceless implements DeviceLayout {
        private static final Layout LAYOUT = Layout.of(Layout.be32("x"));

        @Override
        public String idstr() {
            return "sourceless";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Layout layout() {
            return LAYOUT;
        }

        @Override
        public String source() {
            throw new IllegalStateException("no source");
        }
    }

    private static final SavevmParser PARSER = new SavevmParser(catalog());

    private static DeviceCatalog catalog() {
        DeviceCatalog standard = DeviceCatalog.standard();
        List<DeviceLayout> layouts = new ArrayList<>();
        for (String idstr : standard.idstrs()) {
            // aliases (UHCI's XenServer idstr) list the same layout twice
            standard.versions(idstr).stream().filter(d -> !layouts.contains(d)).forEach(layouts::add);
        }
        layouts.add(new BrokenLayout());
        layouts.add(new Sourceless());
        return new DeviceCatalog(layouts);
    }

    private static Diagnostic onlyInternalError(ParseResult p) {
        List<Diagnostic> internal = p.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR)
                .toList();
        assertEquals(1, internal.size(), p.diagnostics().toString());
        return internal.get(0);
    }

    @Test
    void aFailureInTheFirstSectionLeavesEverythingFromItsHeaderUnparsed() {
        byte[] b = StreamBuilder.v3().full(0, "broken", 0, 1, new byte[] {1, 2, 3})
                .full(1, "timer", 0, 2, Bodies.timer()).eof().build().bytes();
        ParseResult p = PARSER.parse(ByteSource.of(b));
        Diagnostic d = onlyInternalError(p);
        assertEquals(8, d.offset());
        assertEquals(b.length - 8, d.length());
        assertEquals(-1, d.section());
        assertEquals(List.of(), p.sections());
        assertEquals(Span.of(8, b.length - 8), p.unparsed());
        assertNull(p.eof());
    }

    @Test
    void aFailureBeforeALaterSectionJoinsKeepsTheSectionsBefore() {
        byte[] b = StreamBuilder.v3().full(0, "timer", 0, 2, Bodies.timer()).full(1, "broken", 0, 1, new byte[] {1, 2})
                .eof().build().bytes();
        ParseResult p = PARSER.parse(ByteSource.of(b));
        long brokenHeader = 8 + 19 + 8;
        Diagnostic d = onlyInternalError(p);
        assertEquals(brokenHeader, d.offset());
        assertEquals(b.length - brokenHeader, d.length());
        assertEquals(-1, d.section(), "the failing section never joined the walk");
        assertTrue(d.message().startsWith("internal error while walking the sections at offset 35 (0x23) "
                + "(IllegalStateException: layout bug)"), d.message());
        assertEquals(1, p.sections().size());
        assertEquals(Span.of(brokenHeader, b.length - brokenHeader), p.unparsed());
    }

    /** The section had joined the walk: the failure names it, and its measured body is not called unparsed. */
    @Test
    void aFailureAfterTheFirstSectionJoinedNamesItAndItsBodyStaysItsOwn() {
        // the body is cut by the end of the data: the cut's message names the layout's source, which fails
        byte[] b = StreamBuilder.v3().full(0, "sourceless", 0, 1, new byte[] {1, 2}).build().bytes();
        ParseResult p = PARSER.parse(ByteSource.of(b));
        Diagnostic d = onlyInternalError(p);
        assertEquals(8, d.offset());
        assertEquals(b.length - 8, d.length());
        assertEquals(0, d.section());
        assertEquals(1, p.sections().size());
        assertEquals(Span.of(8 + 24, 2), p.sections().get(0).body());
        assertNull(p.unparsed(), "the cut body reaches the end of the data");
    }

    @Test
    void aFailureAfterALaterSectionJoinedLeavesOnlyWhatFollowsItsBodyUnparsed() {
        byte[] timer = Bodies.timer();
        byte[] b = StreamBuilder.v3().full(0, "timer", 0, 2, timer).full(1, "sourceless", 0, 1, new byte[] {1, 2})
                .build().bytes();
        ParseResult p = PARSER.parse(ByteSource.of(b));
        Diagnostic d = onlyInternalError(p);
        long header = 8 + 19 + 8;
        assertEquals(header, d.offset());
        assertEquals(b.length - header, d.length());
        assertEquals(1, d.section());
        assertEquals(2, p.sections().size());
        assertNull(p.unparsed());
    }
}
