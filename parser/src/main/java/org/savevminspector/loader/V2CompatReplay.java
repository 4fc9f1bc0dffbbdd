package org.savevminspector.loader;

import java.util.List;
import java.util.Optional;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.diagnostics.Wording;

/**
 * {@code QT savevm.c:qemu_loadvm_state_v2} (l.835–873, docs/FORMAT.md A.12): records delimited by record_len, unknown
 * devices skipped with a warning, no generic version test, load errors only warned about, and a seek to the end
 * of every record.
 */
final class V2CompatReplay {
    private final ReplayState state;

    V2CompatReplay(ReplayState state) {
        this.state = state;
    }

    LoaderRun run() {
        LoaderStream in = state.stream;
        long totalLength = in.be64();
        long endPos = totalLength + in.tell();
        while (in.tell() < endPos) {
            long at = in.position();
            long startTell = in.tell();
            int len = in.u8();
            String idstr = in.ascii(len);
            long instance = in.be32();
            long version = in.be32();
            int recordLength = (int) in.be32();
            long body = in.position();
            long curPos = in.tell();
            Optional<DeviceLoadFacts> facts = state.registered(idstr, instance);
            if (facts.isEmpty()) {
                state.read(at, idstr, instance, version, body, 0, LoadStep.SKIPPED, "qemu: warning: instance 0x"
                        + Long.toHexString(instance) + " of device '" + idstr + "' not present in current VM",
                        List.of());
            } else {
                LoadStep step = state.load(facts.get(), at, body, version, idstr, instance);
                String status = LoadStep.UNKNOWN.equals(step.status()) ? LoadStep.LOADED : step.status();
                String message = LoadStep.REJECTED.equals(step.status())
                        ? step.message() + " (qemu: warning: error while loading state for instance 0x"
                                + Long.toHexString(instance) + " of device '" + idstr + "')"
                        : step.message();
                long consumed = step.consumed() < 0 ? Math.max(0, recordLength) : step.consumed();
                state.read(at, idstr, instance, version, body, consumed, status, message, step.values());
                if (step.abort() != null) {
                    return state.after(step, at, body).orElseThrow();
                }
                // the function's reads may go beyond the record (and past the end: that sets the error flag)
                in.skip(consumed);
            }
            long target = curPos + recordLength;
            in.seek(target);
            if (in.tell() <= startTell) {
                return state.finish(LoadOutcome.HANGS, null, Wording.of("record at offset {0} has record_len {1}: "
                        + "qemu_fseek goes back to {2} and qemu_loadvm_state_v2 reads the same bytes forever",
                        Offset.of(at), recordLength, Offset.of(target)), null, at, body - at,
                        state.sectionAt(at));
            }
        }
        return state.returns(0, Wording.of("position {0} reached the end given by total_len ({1})",
                Offset.of(in.tell()), Offset.of(endPos)),
                in.tell(), 0, -1);
    }
}
