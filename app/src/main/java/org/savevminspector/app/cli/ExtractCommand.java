package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.savevminspector.app.common.AppVersion;
import org.savevminspector.app.common.IoReason;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.OutputTarget;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.Repairer;
import org.savevminspector.report.PrintableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code extract IMAGE -o OUT [--offset N] [--force] [--max-input-size SIZE]}: writes the QEVM stream of a save
 * image byte for byte, as libxc's {@code dump_qemu}/libxl's {@code write_emulator_blob} would hand it to qemu-dm.
 * Atomic for a file (temporary file in the target directory, fsync, rename); standard output ({@code -o -}), a
 * FIFO or a character device is written to directly. The input is only read.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = {"Write the QEVM (device-model) stream of a Xen save image to a file, byte for byte.",
            "Exit 0 when written; 1 when the image holds no QEVM stream or OUT exists (without --force); 2 for "
                + "usage or I/O errors."})
final class ExtractCommand implements Callable<Integer>, WritesFiles, UsesEngine {

    private AtomicFileWriter writer = AtomicFileWriter.standard();
    private static final int COPY = 1 << 20;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The save image (read only); - reads standard "
            + "input.")
    private String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Where to write the "
            + "stream: a new or (with --force) existing file, written atomically; - for standard output, or a FIFO "
            + "or character device, written to directly.")
    private String output;

    @Mixin
    private FileArguments files;

    @Option(names = "--offset", paramLabel = "N",
            description = "Take the stream at offset N to the end of the file (the embedded stream a scan found "
                    + "in a file of no known container).")
    private Long offset;

    @Option(names = "--force", description = "Overwrite OUT if it exists (never the input).")
    private boolean force;

    private Engine engine = new Engine();

    @Override
    public void useEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OutputTarget target = files.output(output);
        // the stream takes standard output: the line saying what was written moves to standard error
        PrintWriter out = target.kind() == OutputTarget.Kind.STANDARD_OUTPUT ? err : spec.commandLine().getOut();
        // the stream is copied as it is: the image's record headers locate it, its pfn arrays are not needed
        try (InputFile in = InputFile.inspect(engine.inspector(), files.open(file, err), LoaderProfiles.upstream(),
                err, false)) {
            ContainerIndex idx = in.image().index();
            Span q = offset != null ? embedded(in, offset) : idx.qevm();
            if (q == null) {
                Cli.error(err, in.shown() + " holds no QEVM stream"
                        + (idx.embedded().isEmpty() ? "" : "; a scan found one at offset " + idx.embedded().get(0)
                                + " (use --offset " + idx.embedded().get(0) + ")"));
                return ExitCodes.FINDINGS;
            }
            try {
                Repairer.checkTarget(in.original(), target, force);
            } catch (RepairRefusedException e) {
                Cli.error(err, e.getMessage());
                return ExitCodes.FINDINGS;
            }
            write(in.source(), q, target);
            out.println(PrintableText.escape("wrote " + q.length() + " bytes (offset " + q.offset() + " of "
                    + in.shown() + ") to " + target.shown()));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + target.shown() + ": " + IoReason.of(e), e);
        }
    }

    private Span embedded(InputFile in, long at) {
        long size = in.source().size();
        if (at < 0 || at >= size) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "--offset " + at + " is outside " + in.shown() + " (" + size
                    + " bytes)");
        }
        return new Span(at, size - at);
    }

    private void write(ByteSource src, Span q, OutputTarget target) throws IOException {
        FileArguments.writerFor(writer, target).write(target, o -> {
            byte[] buf = new byte[COPY];
            long done = 0;
            while (done < q.length()) {
                int n = src.read(q.offset() + done, buf, 0, (int) Math.min(COPY, q.length() - done));
                if (n <= 0) {
                    throw new IOException("the input ended at offset " + (q.offset() + done));
                }
                o.write(buf, 0, n);
                done += n;
            }
        }, null);
    }

    @Override
    public void useWriter(AtomicFileWriter w) {
        this.writer = w;
    }
}
