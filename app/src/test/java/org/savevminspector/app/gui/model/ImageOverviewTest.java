package org.savevminspector.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.fixtures.SaveImageWriter;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.io.ByteSource;

/** The overview strip's model: where each record and each problem of a save image lies in the whole file. */
class ImageOverviewTest {
    private static final byte[] IMAGE = SaveImageWriter.image(SaveImageWriter.Kind.XL_V2, Fixtures.xenServer62().bytes(), 64);

    private static ImageOverview overview() {
        ImageInspection ii = ImageInspector.standard().inspect(ByteSource.of(IMAGE));
        return ImageOverview.of(ii.index(), ii.inspection().diagnostics(), IMAGE.length);
    }

    @Test
    void theRecordsAreBandsInFileOrderThePagesPaleTheDeviceModelRecordTheStream() {
        ImageOverview o = overview();
        assertEquals(270_757, IMAGE.length);
        assertEquals(List.of("xl save header", "domain config (JSON)", "libxl header", "LIBXC_CONTEXT",
                "libxc image header", "domain header", "PAGE_DATA records", "X86_TSC_INFO", "HVM_PARAMS", "HVM_CONTEXT",
                "END", "EMULATOR_XENSTORE_DATA", "EMULATOR_CONTEXT", "END"), o.bands().stream()
                .map(ImageOverview.Band::label).toList());
        assertEquals(new ImageOverview.Band(133, 262_805, ImageOverview.Kind.PAGES, "PAGE_DATA records"), o.bands().get(6));
        assertEquals(new ImageOverview.Band(263_205, 270_749, ImageOverview.Kind.STREAM, "EMULATOR_CONTEXT"), o.stream());
        assertEquals(1, o.bands().stream().filter(b -> b.kind() == ImageOverview.Kind.STREAM).count());
        assertEquals(12, o.bands().stream().filter(b -> b.kind() == ImageOverview.Kind.RECORD).count());
    }

    @Test
    void theProblemsAreTheNotesAndGraverAtFileOffsets() {
        ImageOverview o = overview();
        assertEquals(List.of(DiagnosticCode.LOADER_FAILED, DiagnosticCode.XENSERVER_FINGERPRINT,
                DiagnosticCode.XENSERVER_FINGERPRINT, DiagnosticCode.VERSION_LABEL_MISMATCH),
                o.problems().stream().map(d -> d.code()).toList());
        assertEquals(List.of(266_412L, 266_412L, 269_932L, 270_466L), o.problems().stream().map(d -> d.offset()).toList());
    }

    @Test
    void fractionsAndOffsetsConvertBothWaysWithinTheFile() {
        ImageOverview o = overview();
        assertEquals(0.0, o.fraction(0));
        assertEquals(1.0, o.fraction(IMAGE.length));
        assertEquals(1.0, o.fraction(IMAGE.length * 2L), "clamped");
        assertEquals(263_205 / 270_757.0, o.fraction(263_205), 1e-12);
        assertEquals(135_378, o.offsetAt(0.5));
        assertEquals(0, o.offsetAt(-1));
        assertEquals(IMAGE.length - 1, o.offsetAt(1));
        assertEquals("PAGE_DATA records", o.bandAt(262_804).label());
        assertEquals("X86_TSC_INFO", o.bandAt(262_805).label());
        assertNull(o.bandAt(IMAGE.length));
    }

    @Test
    void aBareStreamHasNoOverview() {
        ImageInspection ii = ImageInspector.standard().inspect(ByteSource.of(Samples.SAMPLE));
        assertNull(ImageOverview.of(ii.index(), ii.inspection().diagnostics(), Samples.SAMPLE.length));
        assertNull(ImageOverview.of(null, List.of(), 10));
    }
}
