package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.savevminspector.app.IoReason;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.model.Span;
import org.savevminspector.repair.RepairRefusedException;
import org.savevminspector.repair.Repairer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code extract IMAGE -o OUT [--offset N] [--force]}: writes the QEVM stream of a save image byte for byte, as
 * libxc's {@code dump_qemu}/libxl's {@code write_emulator_blob} would hand it to qemu-dm. Atomic: temporary file
 * in the target directory, fsync, rename; the input is only read.
 */
final class ExtractCommand implements Callable<Integer>, WritesFiles, ReadsFiles {

    private AtomicFileWriter writer = AtomicFileWriter.standard();
    private InputFile.Opener opener = InputFile.MAPPED;
    private static final int COPY = 1 << 20;

    private final Engine engine;
    private CommandSpec spec;
    private Path file;
    private Path output;
    private boolean force;

    ExtractCommand(Engine engine) {
        this.engine = engine;
    }

    static CommandSpec spec(ExtractCommand c) {
        CommandSpec s = Specs.command(c, "extract",
                "Write the QEVM (device-model) stream of a Xen save image to a file, byte for byte.",
                "Exit 0 when written; 1 when the image holds no QEVM stream or OUT exists (without --force); 2 for "
                        + "usage or I/O errors.");
        s.addPositional(Specs.file("IMAGE", "The save image (read only)."));
        s.addOption(Specs.output("Where to write the stream."));
        s.addOption(Specs.option("--offset", "N", Long.class, "Take the stream at offset N to the end of the file "
                + "(the embedded stream a scan found in a file of no known container).").build());
        s.addOption(Specs.flag("--force", "Overwrite OUT if it exists (never the input)."));
        c.spec = s;
        return s;
    }

    @Override
    public void useOpener(InputFile.Opener o) {
        this.opener = o;
    }

    @Override
    public Integer call() {
        file = Specs.file(spec);
        output = Specs.value(spec, "--output");
        Long offset = Specs.value(spec, "--offset");
        force = Specs.value(spec, "--force");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (InputFile in = InputFile.inspect(engine.inspector(), file, LoaderProfiles.upstream(), err, opener,
                false)) {
            ContainerIndex idx = in.image().index();
            Span q = offset != null ? embedded(in.source(), offset) : idx.qevm();
            if (q == null) {
                err.println(Cli.NAME + ": " + file + " holds no QEVM stream"
                        + (idx.embedded().isEmpty() ? "" : "; a scan found one at offset " + idx.embedded().get(0)
                                + " (use --offset " + idx.embedded().get(0) + ")"));
                return ExitCodes.FINDINGS;
            }
            String refusal = refusal();
            if (refusal != null) {
                err.println(Cli.NAME + ": " + refusal);
                return ExitCodes.FINDINGS;
            }
            write(in.source(), q);
            out.println("wrote " + q.length() + " bytes (offset " + q.offset() + " of " + file + ") to " + output);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "cannot write " + output + ": " + IoReason.of(e), e);
        }
    }

    private Span embedded(ByteSource src, long at) {
        if (at < 0 || at >= src.size()) {
            throw new CliException(ExitCodes.USAGE_OR_IO, "--offset " + at + " is outside " + file + " (" + src.size()
                    + " bytes)");
        }
        return new Span(at, src.size() - at);
    }

    private String refusal() throws IOException {
        try {
            Repairer.checkTarget(file, output, force);
            return null;
        } catch (RepairRefusedException e) {
            return e.getMessage();
        }
    }

    private void write(ByteSource src, Span q) throws IOException {
        writer.write(output, o -> {
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
        });
    }

    @Override
    public void useWriter(AtomicFileWriter w) {
        this.writer = w;
    }
}
