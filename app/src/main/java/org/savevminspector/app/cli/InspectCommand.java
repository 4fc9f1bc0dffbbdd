package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.report.JsonReport;
import org.savevminspector.report.SarifReport;
import org.savevminspector.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect FILE [--format text|json|sarif]}: the full report of one file. */
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

    @Parameters(index = "0", paramLabel = "FILE", description = "The savevm (QEVM) file or Xen save image.")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or sarif.")
    private Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (InputFile in = InputFile.inspect(Inspector.standard(), file, spec.commandLine().getErr())) {
            switch (format) {
                case JSON -> new JsonReport(AppVersion.toolInfo()).write(in.inspection(), in.info(), in.source(), out,
                        in.image().index());
                case SARIF -> new SarifReport(AppVersion.toolInfo()).write(in.inspection(), in.info(), out);
                default -> {
                    ContainerText.write(in.image().index(), out);
                    TextReport.writeInspect(in.inspection(), in.info(), out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
