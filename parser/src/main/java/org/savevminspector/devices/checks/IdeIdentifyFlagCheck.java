package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Field;
import org.savevminspector.model.Section;

/**
 * IDE drive blocks (FORMAT.md B.3.18): {@code identify_set} is the 0/1 flag {@code ide_identify} sets, and when it is set
 * the 512 bytes that follow are real IDENTIFY data (word 0 and the model string are never empty for a drive qemu
 * identified). Anything else means the drive blocks are misaligned — and the body length depends on these flags.
 */
public final class IdeIdentifyFlagCheck extends CheckBase {
    public IdeIdentifyFlagCheck() {
        super("ide-identify", "IDE identify flags and IDENTIFY data",
                "Each drive's identify_set is 0 or 1, and when set the 512 IDENTIFY bytes that follow hold a "
                        + "general configuration word and a model string, as ide_identify/ide_atapi_identify "
                        + "fill them (QT hw/ide.c, FORMAT.md B.3.18). The body length depends on these flags, so a wrong "
                        + "flag shifts every byte after it.",
                List.of(DiagnosticCode.IMPOSSIBLE_COUNT), Set.of("ide"));
    }

    @Override
    public void check(Section s, List<Diagnostic> out) {
        Field drives = SectionFields.find(s, "drive");
        if (drives == null) {
            return;
        }
        for (Field drive : drives.children()) {
            Field flag = SectionFields.find(drive.children(), "identify_set");
            if (flag == null) {
                continue;
            }
            if (flag.value() != 0 && flag.value() != 1) {
                out.add(Diagnostic.raise(DiagnosticCode.IMPOSSIBLE_COUNT, "ide-identify-set", flag.span().offset(), 4,
                        s.index(), drive.name(), flag.value()));
            }
            Field config = SectionFields.find(drive.children(), "identify_data", "general_config");
            Field model = SectionFields.find(drive.children(), "identify_data", "model");
            if (flag.value() != 0 && config != null && model != null && config.value() == 0
                    && model.text().isEmpty()) {
                Field data = SectionFields.find(drive.children(), "identify_data");
                out.add(Diagnostic.raise(DiagnosticCode.IMPOSSIBLE_COUNT, "ide-identify-empty", data.span().offset(),
                        data.span().length(), s.index(), drive.name()));
            }
        }
    }
}
