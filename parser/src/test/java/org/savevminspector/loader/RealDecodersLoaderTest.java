package org.savevminspector.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.ReplayGuest;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;

/** The simulation behind {@link Inspector} with the real shape walk and the catalogue on the class path. */
class RealDecodersLoaderTest {

    private static Inspection inspect(ReplayGuest g) {
        return Inspector.standard().inspect(ByteSource.of(g.bytes()));
    }

    @Test
    void loaderReadsMatchTheShapeWalkSectionBySection() {
        Inspection i = inspect(new ReplayGuest());
        assertEquals(LoadOutcome.LOADED, i.loader().outcome());
        assertEquals(i.parse().sections().size(), i.loader().reads().size());
        for (LoaderRead r : i.loader().reads()) {
            assertEquals(i.parse().sections().get(r.section()).header().offset(), r.headerOffset());
            assertEquals(i.parse().sections().get(r.section()).body().length(), r.bytesRead(), r.idstr());
        }
        assertTrue(i.diagnostics().stream().noneMatch(d -> d.code().name().startsWith("LOADER")));
    }

    @Test
    void labelShapeMismatchAtTheEndAbortsAndIsExplainedTwice() {
        ReplayGuest g = new ReplayGuest();
        g.pm1a = null;
        Inspection i = inspect(g);
        assertEquals(LoadOutcome.ABORTED, i.loader().outcome());
        List<DiagnosticCode> codes = i.diagnostics().stream().map(d -> d.code()).toList();
        assertTrue(codes.contains(DiagnosticCode.VERSION_LABEL_MISMATCH), codes::toString);
        assertTrue(codes.contains(DiagnosticCode.LOADER_ABORTED), codes::toString);
        assertTrue(codes.contains(DiagnosticCode.LOADER_OVERRUN), codes::toString);
    }
}
