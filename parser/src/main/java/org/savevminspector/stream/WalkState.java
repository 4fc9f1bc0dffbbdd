package org.savevminspector.stream;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.io.ByteSource;
import org.savevminspector.model.SectionType;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.model.Section;
import org.savevminspector.model.Span;

/** What a walk accumulates; shared by the v3 walk and the v2/v1 record walk. */
final class WalkState {
    private static final long PROGRESS_STEP = 1 << 20;

    final SectionTable.Builder sections;
    final DiagnosticList.Builder diagnostics = DiagnosticList.builder();
    final StreamTemplates templates;
    Span eof;
    Span trailing;
    Span unparsed;

    private final ParseOptions options;
    private final long total;
    /** The versions each idstr was seen with so far (FULL, START and records): a known bug's partner section. */
    private final Map<String, Set<Long>> versionsSeen = new HashMap<>();
    private long nextProgress;
    /** Where the walk last stood between two sections: where an internal failure is reported. */
    private long position;

    WalkState(ParseOptions options, ByteSource src, DeviceCatalog catalog) {
        this.options = options;
        this.total = src.size();
        this.sections = new SectionTable.Builder(src);
        this.templates = new StreamTemplates(catalog, src.size());
    }

    /** Progress at most every MiB, and the cancellation check between sections. */
    void step(long position) {
        this.position = position;
        if (options.cancelled() != null && options.cancelled().getAsBoolean()) {
            throw new CancellationException("parse cancelled at offset " + position);
        }
        if (options.progress() != null && position >= nextProgress) {
            options.progress().progress(position, total);
            nextProgress = position + PROGRESS_STEP;
        }
    }

    long position() {
        return position;
    }

    void done() {
        if (options.progress() != null) {
            options.progress().progress(total, total);
        }
    }

    /** Adds a section (see {@link SectionTable.Builder#add}) and returns its index. */
    int add(SectionType type, long header, long sectionId, String idstr, long instance, long version, long bodyLength,
            DeviceLayout layout) {
        if (type.hasFullHeader()) {
            versionsSeen.computeIfAbsent(idstr, k -> new HashSet<>()).add(version);
        }
        return sections.add(type, header, sectionId, idstr, instance, version, bodyLength, layout);
    }

    /** Whether a section of {@code idstr} labelled {@code version} came before. */
    boolean seen(String idstr, long version) {
        Set<Long> v = versionsSeen.get(idstr);
        return v != null && v.contains(version);
    }

    /** Index of the last section, -1 when there is none. */
    int lastIndex() {
        return sections.size() - 1;
    }

    String describeLast() {
        return sections.size() == 0 ? "the file header"
                : "section #" + lastIndex() + " '" + sections.lastIdstr() + "'";
    }
}
