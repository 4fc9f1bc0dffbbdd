package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.image.ImageInspection;
import org.savevminspector.image.ImageInspector;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.JsonReport;
import org.savevminspector.report.LayerReport;
import org.savevminspector.report.SarifReport;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect FILE [--format text|json|sarif] [--loader PROFILE] [--offset N] [--hash] [--pfn-arrays]
 * [--max-input-size SIZE]}: the full report of one file ({@code -}: standard input). A save image is read as far
 * as its record headers and QEVM stream: its pages are counted from the record lengths, and the report carries
 * the stream's hash, the whole file's only with {@code --hash}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Report every section, field and anomaly of a savevm file.",
            "Xen save images (xend, xl, migration v2, XenServer) are indexed and their QEVM stream reported at "
                + "absolute offsets.",
            "Exit 0 whenever a report was produced (whatever it says, including empty and non-QEVM files); "
                + "2 when the file cannot be read."})
final class InspectCommand implements Callable<Integer>, UsesEngine {

    /** Output formats of {@code inspect}. */
    enum Format { TEXT, JSON, SARIF }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The savevm (QEVM) file or Xen save image; - reads "
            + "standard input.")
    private String file;

    @Mixin
    private FileArguments files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or sarif.")
    private Format format;

    @Option(names = "--loader", paramLabel = "PROFILE", defaultValue = "upstream", converter = LoaderProfileName.class,
            description = "Whose loader to simulate: upstream (default), xen-4.0, xenserver-6.0-6.2 or "
                    + "xenserver-6.5+.")
    private LoaderProfile loader;

    @Option(names = "--offset", paramLabel = "N",
            description = "Inspect the QEVM stream that starts at offset N (to the end of the file): the embedded "
                    + "stream a scan found in a file of no known container.")
    private Long offset;

    @Option(names = "--hash", description = "Also hash the whole file (SHA-256; for a compressed file or a VHD, the "
            + "file as stored). A save image is otherwise not read whole: the report carries the hash of its QEVM "
            + "stream.")
    private boolean hash;

    @Option(names = "--pfn-arrays", description = PFN_ARRAYS)
    private boolean pfnArrays;

    /** The description of {@code --pfn-arrays}, shared with {@code check}. */
    static final String PFN_ARRAYS = "Also read the pfn array of every migration-v2 PAGE_DATA record (8 bytes per "
            + "guest page): the pfn range of each page run, and its pages with data checked against the record "
            + "lengths. Page contents are never read.";

    private Engine engine = new Engine();

    @Override
    public void useEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Inspector inspector = engine.inspector();
        PrintWriter err = spec.commandLine().getErr();
        try (InputFile in = InputFile.inspect(inspector, files.open(file, err), loader, err, pfnArrays)) {
            ImageInspection image = in.image();
            if (offset != null) {
                if (offset < 0 || offset >= in.source().size()) {
                    throw new CliException(ExitCodes.USAGE_OR_IO, "--offset " + offset + " is outside " + in.shown()
                            + " (" + in.source().size() + " bytes)");
                }
                image = new ImageInspector(ContainerIndexer.standard(), inspector).inspectEmbedded(in.source(),
                        image.index(), offset, loader);
            }
            FileInfo info = in.describe(image.index(), hash, err);
            switch (format) {
                case JSON -> new JsonReport(AppVersion.toolInfo()).write(image.inspection(), info, in.source(), out,
                        image.index(), in.layers());
                case SARIF -> new SarifReport(AppVersion.toolInfo()).write(image.inspection(), info, out);
                default -> {
                    LayerReport.writeText(in.layers(), image.index().qevm(), image.inspection(), out);
                    ContainerText.write(image.index(), out);
                    TextReport.writeInspect(image.inspection(), info, out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
