package org.savevminspector.loader;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.diagnostics.Wording;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.Field;
import org.savevminspector.model.FileHeader;
import org.savevminspector.stream.ParseResult;

/**
 * Replays upstream qemu-xen-traditional's {@code qemu_loadvm_state} over a file (docs/FORMAT.md Z step 3),
 * trusting the version labels as qemu does: reads through the zero-filling view of FORMAT.md A.1, the loop of FORMAT.md A.10 (or
 * the v2-compat loop of FORMAT.md A.12), each device's load function as {@link UpstreamDevices} describes it (FORMAT.md B.6), and
 * qemu-dm's I/O-port table (FORMAT.md B.5), where a collision kills the process.
 */
public final class LoaderSimulator {
    private final DeviceCatalog catalog;

    public LoaderSimulator(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The report plus the loader diagnostics (LOADER_*, SILENT_PARTIAL_LOAD…) it gives rise to. */
    public record Result(LoaderReport report, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = diagnostics instanceof DiagnosticList ? diagnostics : List.copyOf(diagnostics);
        }
    }

    /**
     * @param src   the file bytes
     * @param parse the shape walk of the same bytes (used to relate loader reads to sections)
     * @return always a report: a file that is no QEVM stream is one that {@code qemu_loadvm_state} fails on
     */
    public Result simulate(ByteSource src, ParseResult parse) {
        return simulate(src, parse, LoaderProfiles.upstream());
    }

    /** The same with the loader of {@code profile}. */
    public Result simulate(ByteSource src, ParseResult parse, LoaderProfile profile) {
        Shared shared = shared(parse);
        ReplayState state = new ReplayState(src, parse, catalog, 0, profile, shared.config());
        try {
            LoaderRun replay = header(state);
            LoaderRun run = new LoaderFindings(parse, profile, state.ports.acpi()).complete(replay);
            return new Result(run.report(), new LoaderDiagnostics(parse, run, profile, shared.newer()).all());
        } catch (CancellationException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug of ours: the simulation says it cannot tell, where it was, instead of taking the report down
            long at = Math.min(state.stream.position(), src.size());
            LoaderRun run = state.finish(LoadOutcome.INCOMPLETE, null, Wording.of(
                    "the loader simulation failed at offset {0} (internal error)", Offset.of(at)), null, at, 0, -1);
            return new Result(run.report(),
                    List.of(Diagnostic.internalError(at, 0, -1, "simulating the " + profile.name() + " loader", e)));
        }
    }

    /**
     * What every simulation of one shape walk shares whatever the profile — the machine the sections describe and
     * the labels newer than upstream's — worked out once for the walk last simulated: {@code check --all-loaders}
     * simulates four profiles over one walk of perhaps a million sections.
     */
    private record Shared(ParseResult parse, MachineConfig config, DiagnosticList newer) {
    }

    private volatile Shared shared;

    private Shared shared(ParseResult parse) {
        Shared s = shared;
        if (s == null || s.parse() != parse) {
            s = new Shared(parse, MachineConfig.of(parse.sections()), LoaderDiagnostics.newerThanUpstream(parse));
            shared = s;
        }
        return s;
    }

    /** {@code qemu_loadvm_state} l.882–890: magic, then the file version picks the loop. */
    private static LoaderRun header(ReplayState state) {
        LoaderStream in = state.stream;
        long magic = in.be32();
        if (magic != FileHeader.QEVM_MAGIC) {
            return state.failed(-22, "magic is " + Field.hex(magic, 4)
                    + ", not QEVM: qemu_loadvm_state returns -EINVAL", 0, 4, -1);
        }
        long version = in.be32();
        if (version == 2) {
            return new V2CompatReplay(state).run();
        }
        // XSPQ fix_savevm_v1_compatibility: every version below 3 goes to the v2 loop, and below 2 without total_len
        if (version < 2 && state.profile.v1Dialect()) {
            return state.finish(LoadOutcome.INCOMPLETE, null, "file version " + version + ": " + state.profile.qemu()
                    + " reads it with XenServer's own v1 loop (XSPQ fix_savevm_v1_compatibility.patch), which is not simulated", null,
                    4, 4, -1);
        }
        if (version != 3) {
            // the header is checked before anything else: qemu returns before its out: label, no -EIO override
            return state.failed(-95, "file version " + version
                    + " is neither 3 nor the v2-compat 2: qemu_loadvm_state returns -ENOTSUP", 4, 4, -1);
        }
        return new V3Replay(state).run();
    }
}
