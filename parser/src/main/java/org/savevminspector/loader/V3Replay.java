package org.savevminspector.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.savevminspector.diagnostics.Offset;
import org.savevminspector.diagnostics.Wording;
import org.savevminspector.stream.LongIntMap;

/**
 * The v3 loop of {@code QT savevm.c:qemu_loadvm_state} (l.892–960, docs/FORMAT.md A.10): section type, header, generic
 * lookup and version test, then the device's load function whose return value is ignored.
 */
final class V3Replay {
    private static final int EINVAL = -22;

    /**
     * A kind of START section that later PART/END sections continue ({@code LoadStateEntry}). In one replay the
     * device {@code find_se} finds is a function of idstr and instance, so these three name the kind and its
     * facts row is kept beside it, never hashed.
     */
    private record Open(String idstr, long instance, long version) {
    }

    private final ReplayState state;
    /**
     * Open live sections by section id, as the index of their {@link Open} among the distinct ones: a stream may
     * open a million of them, of a few kinds.
     */
    private final LongIntMap open = new LongIntMap();
    private final Map<Open, Integer> kinds = new HashMap<>();
    private final List<Open> kindList = new ArrayList<>();
    private final List<DeviceLoadFacts> kindFacts = new ArrayList<>();

    V3Replay(ReplayState state) {
        this.state = state;
    }

    LoaderRun run() {
        LoaderStream in = state.stream;
        while (true) {
            long at = in.position();
            int type = in.u8();
            if (type == 0x00) {
                Wording text = Wording.of(at >= in.size()
                        ? "the section type at offset {0} is read past the end of the data as 0 (EOF)"
                        : state.isEofMarker(at) ? "EOF marker at offset {0}"
                        : "the byte 0x00 at offset {0} is taken for the EOF marker", Offset.of(at));
                return state.returns(0, text, at, 1, -1);
            }
            Optional<LoaderRun> end;
            if (type == 0x01 || type == 0x04) {
                end = fullSection(at, type);
            } else if (type == 0x02 || type == 0x03) {
                end = partSection(at, type);
            } else {
                String msg = "Unknown savevm section type " + type;
                state.read(at, null, -1, -1, at + 1, 0, LoadStep.REFUSED, msg, List.of());
                return state.returns(EINVAL, msg, at, 1, state.sectionAt(at));
            }
            if (end.isPresent()) {
                return end.get();
            }
        }
    }

    private Optional<LoaderRun> fullSection(long at, int type) {
        LoaderStream in = state.stream;
        long sectionId = in.be32();
        int len = in.u8();
        String idstr = in.ascii(len);
        long instance = in.be32();
        long version = in.be32();
        long body = in.position();
        long headerLength = body - at;
        Optional<DeviceLoadFacts> facts = state.registered(idstr, instance);
        if (facts.isEmpty()) {
            String msg = "Unknown savevm section or instance '" + idstr + "' " + (int) instance;
            state.read(at, idstr, instance, version, body, 0, LoadStep.REFUSED, msg, List.of());
            return Optional.of(state.returns(EINVAL, msg, at, headerLength, state.sectionAt(at)));
        }
        // version_id is unsigned in qemu_loadvm_state and compared with the registered int as unsigned
        if (version > facts.get().registeredVersion()) {
            String msg = "savevm: unsupported version " + (int) version + " for '" + idstr + "' v"
                    + facts.get().registeredVersion();
            state.read(at, idstr, instance, version, body, 0, LoadStep.REFUSED, msg, List.of());
            return Optional.of(state.returns(EINVAL, msg, at, headerLength, state.sectionAt(at)));
        }
        if (type == 0x01) {
            open.put(sectionId, kinds.computeIfAbsent(new Open(idstr, instance, version), k -> {
                kindList.add(k);
                kindFacts.add(facts.get());
                return kindList.size() - 1;
            }));
        }
        return call(facts.get(), at, body, idstr, instance, version);
    }

    private Optional<LoaderRun> partSection(long at, int type) {
        LoaderStream in = state.stream;
        long sectionId = in.be32();
        long body = in.position();
        int kind = open.get(sectionId);
        if (kind < 0) {
            String msg = "Unknown savevm section " + (int) sectionId;
            state.read(at, null, -1, -1, body, 0, LoadStep.REFUSED, msg, List.of());
            return Optional.of(state.returns(EINVAL, msg, at, 5, state.sectionAt(at)));
        }
        Open o = kindList.get(kind);
        return call(kindFacts.get(kind), at, body, o.idstr(), o.instance(), o.version());
    }

    private Optional<LoaderRun> call(DeviceLoadFacts facts, long at, long body, String idstr, long instance,
                                     long version) {
        LoadStep step = state.load(facts, at, body, version, idstr, instance);
        state.read(at, idstr, instance, version, body, Math.max(0, step.consumed()), step.status(), step.message(),
                step.values());
        return state.after(step, at, body);
    }
}
