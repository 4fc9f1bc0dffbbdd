package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfile;
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
 * {@code inspect FILE [--format text|json|sarif] [--loader PROFILE] [--offset N] [--max-input-size SIZE]}: the full
 * report of one file ({@code -}: standard input).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Report every section, field and anomaly of a savevm file.",
            "Xen save images (xend, xl, migration v2, XenServer) are indexed and their QEVM stream reported at "
                + "absolute offsets.",
            "Exit 0 whenever a report was produced (whatever it says, including empty and non-QEVM files); "
                + "2 when the file cannot be read."})
final class InspectCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Inspector inspector = Inspector.standard();
        PrintWriter err = spec.commandLine().getErr();
        try (InputFile in = InputFile.inspect(inspector, files.open(file, err), loader, err)) {
            ImageInspection image = in.image();
            if (offset != null) {
                if (offset < 0 || offset >= in.source().size()) {
                    throw new CliException(ExitCodes.USAGE_OR_IO, "--offset " + offset + " is outside " + in.shown()
                            + " (" + in.source().size() + " bytes)");
                }
                image = new ImageInspector(ContainerIndexer.standard(), inspector).inspectEmbedded(in.source(),
                        image.index(), offset, loader);
            }
            switch (format) {
                case JSON -> new JsonReport(AppVersion.toolInfo()).write(image.inspection(), in.info(), in.source(), out,
                        image.index(), in.layers());
                case SARIF -> new SarifReport(AppVersion.toolInfo()).write(image.inspection(), in.info(), out);
                default -> {
                    LayerReport.writeText(in.layers(), image.index().qevm(), image.inspection(), out);
                    ContainerText.write(image.index(), out);
                    TextReport.writeInspect(image.inspection(), in.info(), out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
