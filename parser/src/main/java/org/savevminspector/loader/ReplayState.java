package org.savevminspector.loader;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.io.ByteSource;
import org.savevminspector.diagnostics.Wording;
import org.savevminspector.model.Section;
import org.savevminspector.stream.ParseResult;

/** What both loader loops share: the stream, the registered devices, the port model and the reads so far. */
final class ReplayState {
    final LoaderStream stream;
    final PortModel ports;
    private final LoaderReads.Builder reads;
    private final MachineConfig config;
    private final LoadFunction loadFunction;
    private final SectionsByOffset sectionsByHeader;
    private final long eofMarker;
    final LoaderProfile profile;

    ReplayState(ByteSource src, ParseResult parse, DeviceCatalog catalog, long start, LoaderProfile profile,
                MachineConfig config) {
        this.profile = profile;
        this.stream = new LoaderStream(src, start);
        this.config = config;
        this.ports = new PortModel(FixedPorts.freshMap(config, profile.freshAcpi()), profile.freshAcpi());
        this.loadFunction = new LoadFunction(catalog);
        this.eofMarker = parse.eof() == null ? -1 : parse.eof().offset();
        this.sectionsByHeader = new SectionsByOffset(parse.sections(), eofMarker);
        this.reads = new LoaderReads.Builder();
    }

    /** {@code find_se}: the device registered under (idstr, instance) in the restoring qemu-dm, if any. */
    Optional<DeviceLoadFacts> registered(String idstr, long instance) {
        return profile.facts(idstr).filter(f -> f.instances().accepts(instance, idstr, config));
    }

    /** Whether the shape walk found the EOF marker at this offset. */
    boolean isEofMarker(long offset) {
        return offset == eofMarker;
    }

    /** Index of the shape-walk section whose header starts at {@code offset}, or -1. */
    int sectionAt(long offset) {
        Section s = sectionsByHeader.at(offset);
        return s == null ? -1 : s.index();
    }

    /** Runs a load function; the shape walk's body length is offered only when a header follows it. */
    LoadStep load(DeviceLoadFacts facts, long headerOffset, long bodyStart, long version, String idstr,
                  long instance) {
        Section s = sectionsByHeader.at(headerOffset);
        int section = s == null ? -1 : s.index();
        OptionalLong shapeBody = OptionalLong.empty();
        if (s != null && s.body().offset() == bodyStart && sectionsByHeader.isHeaderStart(s.body().end())) {
            shapeBody = OptionalLong.of(s.body().length());
        }
        LoadContext ctx = new LoadContext(stream.view(), stream.size(), bodyStart, version, idstr, instance,
                section, ports);
        return loadFunction.run(facts, ctx, shapeBody);
    }

    void read(long headerOffset, String idstr, long instance, long version, long bodyOffset, long bytesRead,
              String status, String message, List<LoaderRead.LoadedValue> values) {
        reads.add(new LoaderRead(sectionAt(headerOffset), idstr, instance, version, headerOffset, bodyOffset,
                bytesRead, status, message, values));
    }

    LoaderRun finish(LoadOutcome outcome, Integer result, String message, PortModel.Abort abort, long endOffset,
                     long endLength, int endSection) {
        return finish(outcome, result, Wording.of(message), abort, endOffset, endLength, endSection);
    }

    /** The same with a message whose offsets are worded when read (by the file's coordinates then). */
    LoaderRun finish(LoadOutcome outcome, Integer result, Wording message, PortModel.Abort abort, long endOffset,
                     long endLength, int endSection) {
        LoaderReport report = new LoaderReport(profile.name(), outcome, result, message, stream.tell(), stream.overrun(),
                reads.build(), ports.events());
        return new LoaderRun(report, abort, endOffset, endLength, endSection);
    }

    /** Ends with qemu's {@code out:} label: a set error flag turns any return value into -EIO (FORMAT.md A.1). */
    LoaderRun returns(int ret, String message, long endOffset, long endLength, int endSection) {
        return returns(ret, Wording.of(message), endOffset, endLength, endSection);
    }

    LoaderRun returns(int ret, Wording message, long endOffset, long endLength, int endSection) {
        int result = stream.hasError() ? -5 : ret;
        Wording text = result == ret ? message
                : Wording.join(message, "; the QEMUFile error flag is set (a read went past the end of the data), so "
                        + "the result is -EIO" + (ret == 0 ? "" : " instead of " + ret));
        if (result != 0 && profile.failureAborts()) {
            return abortOnFailure(result, text, endOffset, endLength, endSection);
        }
        return finish(result == 0 ? LoadOutcome.LOADED : LoadOutcome.FAILED, result, text, null, endOffset,
                endLength, endSection);
    }

    /** A failure before the loop (bad magic, unsupported file version), subject to the profile's abort rule. */
    LoaderRun failed(int result, String message, long endOffset, long endLength, int endSection) {
        if (profile.failureAborts()) {
            return abortOnFailure(result, Wording.of(message), endOffset, endLength, endSection);
        }
        return finish(LoadOutcome.FAILED, result, message, null, endOffset, endLength, endSection);
    }

    /**
     * {@code XSPQ master/abort-on-bad-loadvm.patch}: a non-zero result is not logged and survived but ends the
     * process, after hard-linking the file to {@code <file>-broken} (docs/FORMAT.md X.8, FORMAT.md V).
     */
    LoaderRun abortOnFailure(int result, Wording text, long endOffset, long endLength, int endSection) {
        Wording message = Wording.join("qemu_loadvm_state returns " + result + " (", text, "); abort-on-bad-loadvm: "
                + "qemu-dm aborts and keeps the file as <file>-broken");
        // the abort's own message is the report's: LoaderDiagnostics words that one by the file's coordinates
        PortModel.Abort abort = new PortModel.Abort(message.read(), -1, null, profile.qemu() + " treats any non-zero "
                + "result of qemu_loadvm_state as fatal (XSPQ master/abort-on-bad-loadvm.patch): it hard-links "
                + "the save file to <file>-broken and calls abort(), so the guest is not resumed.");
        return finish(LoadOutcome.ABORTED, null, message, abort, endOffset, endLength, endSection);
    }

    /** A step that did not return normally ends the replay; a normal one advances the stream. */
    Optional<LoaderRun> after(LoadStep step, long headerOffset, long bodyStart) {
        int section = sectionAt(headerOffset);
        if (step.abort() != null) {
            stream.skip(step.consumed());
            long at = step.values().isEmpty() ? bodyStart : step.values().get(step.values().size() - 1).offset();
            int len = step.values().isEmpty() ? 0 : step.values().get(step.values().size() - 1).length();
            return Optional.of(finish(LoadOutcome.ABORTED, null, step.abort().message(), step.abort(), at, len,
                    section));
        }
        if (LoadStep.UNKNOWN.equals(step.status())) {
            return Optional.of(finish(LoadOutcome.INCOMPLETE, null, step.message(), null, bodyStart, 0, section));
        }
        stream.skip(step.consumed());
        return Optional.empty();
    }
}
