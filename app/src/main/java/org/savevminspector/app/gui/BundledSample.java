package org.savevminspector.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.savevminspector.io.AtomicFileWriter;

/**
 * The synthetic sample in ui-resources, as a file the engine can open (it reads files through FileChannel): a
 * temporary copy made once per run (by the start-up warm-up, off the FX thread, when the viewer starts without a
 * file) and deleted at exit.
 */
final class BundledSample {
    static final String RESOURCE = "/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm";
    static final String BANNER = "This is a SYNTHETIC sample (written by the project's fixture writer, not from a "
            + "real guest): XenServer 6.0–6.2 piix4acpi record labelled 2 with a version-1 body, plus 7 trailing bytes.";

    private static Path copy;

    private BundledSample() {
    }

    /** Whether this build carries the sample. */
    static boolean bundled() {
        return BundledSample.class.getResource(RESOURCE) != null;
    }

    /** The sample's file name, as the title bar shows it. */
    static String fileName() {
        return Path.of(RESOURCE).getFileName().toString();
    }

    /** The temporary copy, made now unless made before and still there. */
    static synchronized Path copy() throws IOException {
        if (copy == null || !Files.isRegularFile(copy)) {
            copy = unpack();
        }
        return copy;
    }

    private static Path unpack() throws IOException {
        try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            Path tmp = Files.createTempDirectory("savevm-inspector-sample");
            // deleteOnExit works in reverse order of registration: the file must go before its directory
            tmp.toFile().deleteOnExit();
            Path file = tmp.resolve(fileName());
            file.toFile().deleteOnExit();
            AtomicFileWriter.standard().write(file, in::transferTo);
            return file;
        }
    }
}
