package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.container.ImageInspection;
import org.savevminspector.container.ImageInspector;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.FileInfo;
import org.savevminspector.report.JsonReport;
import org.savevminspector.report.SarifReport;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inspect FILE [--format text|json|sarif] [--loader PROFILE] [--offset N] [--hash] [--pfn-arrays]}: the full
 * report of one file.
 */
final class InspectCommand implements Callable<Integer>, ReadsFiles {

    /** Output formats of {@code inspect}. */
    enum Format { TEXT, JSON, SARIF }

    private final Engine engine;
    private CommandSpec spec;
    private InputFile.Opener opener = InputFile.MAPPED;

    InspectCommand(Engine engine) {
        this.engine = engine;
    }

    static CommandSpec spec(InspectCommand c) {
        CommandSpec s = Specs.command(c, "inspect", "Report every section, field and anomaly of a savevm file.",
                "Xen save images (xend, xl, migration v2, XenServer) are indexed and their QEVM stream reported at "
                        + "absolute offsets.",
                "Exit 0 whenever a report was produced (whatever it says, including empty and non-QEVM files); "
                        + "2 when the file cannot be read.");
        s.addPositional(Specs.file("FILE", "The savevm (QEVM) file or Xen save image."));
        s.addOption(Specs.option("--format", "FORMAT", Format.class, "text (default), json or sarif.")
                .defaultValue("text").build());
        s.addOption(Specs.option("--loader", "PROFILE", LoaderProfile.class,
                "Whose loader to simulate: upstream (default), xen-4.0, xenserver-6.0-6.2 or xenserver-6.5+.")
                .defaultValue("upstream").converters(new LoaderProfileName()).build());
        s.addOption(Specs.option("--offset", "N", Long.class,
                "Inspect the QEVM stream that starts at offset N (to the end of the file): the embedded stream a "
                        + "scan found in a file of no known container.").build());
        s.addOption(Specs.flag("--hash", "Also hash the whole file (SHA-256). A save image is otherwise not read "
                + "whole: the report carries the hash of its QEVM stream."));
        s.addOption(Specs.flag("--pfn-arrays", PFN_ARRAYS));
        c.spec = s;
        return s;
    }

    /** The description of {@code --pfn-arrays}, shared with {@code check}. */
    static final String PFN_ARRAYS = "Also read the pfn array of every migration-v2 PAGE_DATA record (8 bytes per "
            + "guest page): the pfn range of each page run, and its pages with data checked against the record "
            + "lengths. Page contents are never read.";

    @Override
    public void useOpener(InputFile.Opener o) {
        this.opener = o;
    }

    @Override
    public Integer call() throws IOException {
        Path file = Specs.file(spec);
        Format format = Specs.value(spec, "--format");
        LoaderProfile loader = Specs.value(spec, "--loader");
        Long offset = Specs.value(spec, "--offset");
        boolean hash = Specs.value(spec, "--hash");
        boolean pfnArrays = Specs.value(spec, "--pfn-arrays");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = engine.inspector();
        try (InputFile in = InputFile.inspect(inspector, file, loader, err, opener, pfnArrays)) {
            ImageInspection image = in.image();
            if (offset != null) {
                if (offset < 0 || offset >= in.source().size()) {
                    throw new CliException(ExitCodes.USAGE_OR_IO, "--offset " + offset + " is outside " + file + " ("
                            + in.source().size() + " bytes)");
                }
                image = new ImageInspector(ContainerIndexer.standard(), inspector).inspectEmbedded(in.source(),
                        image.index(), offset, loader);
            }
            FileInfo info = in.describe(image.index(), hash, err);
            switch (format) {
                case JSON -> new JsonReport(AppVersion.toolInfo()).write(image.inspection(), info, in.source(), out,
                        image.index());
                case SARIF -> new SarifReport(AppVersion.toolInfo()).write(image.inspection(), info, out);
                default -> {
                    ContainerText.write(image.index(), out);
                    TextReport.writeInspect(image.inspection(), info, out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
