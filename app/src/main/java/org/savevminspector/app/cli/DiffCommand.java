package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.diff.DiffInput;
import org.savevminspector.diff.DiffResult;
import org.savevminspector.diff.IgnoreRules;
import org.savevminspector.diff.StructuralDiff;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.report.DiffJson;
import org.savevminspector.report.DiffText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff A B [--format text|json] [--loader PROFILE] [--ignore GLOB]... [--ignore-volatile] [--all]}: what
 * differs between two savevm files or save images, section by section and field by field. Exit codes as diff(1).
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Compare two savevm files or Xen save images section by section and field by field.",
            "Sections pair by device (XenServer's names and NIC numbering included), fields by path; byte arrays "
                + "compare by content. Images: the QEVM streams are compared and the container records "
                + "summarised; page data is never read.",
            "Exit 0 when there are no differences, 1 when there are, 2 on trouble (unreadable file, usage)."})
final class DiffCommand implements Callable<Integer>, UsesEngine {

    /** Output formats of {@code diff}. */
    enum Format { TEXT, JSON }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first savevm (QEVM) file or Xen save image.")
    private String fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The second one.")
    private String fileB;

    @Mixin
    private FileArguments files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    private Format format;

    @Option(names = "--loader", paramLabel = "PROFILE", defaultValue = "upstream", converter = LoaderProfileName.class,
            description = "Whose loader to simulate on both files: upstream (default), xen-4.0, xenserver-6.0-6.2 "
                    + "or xenserver-6.5+.")
    private LoaderProfile loader;

    @Option(names = "--ignore", paramLabel = "GLOB",
            description = "Leave out fields whose IDSTR.PATH matches GLOB (* any characters, ? one), e.g. "
                    + "'timer.*' or 'rtl8139.tally.*'; a section or group name covers all inside it. Repeatable.")
    private List<String> ignore = new ArrayList<>();

    @Option(names = "--ignore-volatile",
            description = "Leave out clocks, timer deadlines and traffic counters (the volatile set: see README).")
    private boolean ignoreVolatile;

    @Option(names = "--all", description = "List identical sections (and container facts) too.")
    private boolean all;

    private Engine engine = new Engine();

    @Override
    public void useEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = engine.inspector();
        // the pfn arrays are read: the pfn range is one of the container facts compared (8 bytes per guest page)
        try (InputFile a = InputFile.inspect(inspector, files.open(fileA, err), loader, err, true);
             InputFile b = InputFile.inspect(inspector, files.open(fileB, err), loader, err, true)) {
            DiffResult r = new StructuralDiff(IgnoreRules.of(ignore, ignoreVolatile))
                    .compare(DiffInput.of(a.shown(), a.source(), a.image()),
                            DiffInput.of(b.shown(), b.source(), b.image()));
            if (format == Format.JSON) {
                DiffJson.write(r, a.source(), b.source(), all, out);
            } else {
                DiffText.write(r, all, out);
            }
            out.flush();
            return r.identical() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }
}
