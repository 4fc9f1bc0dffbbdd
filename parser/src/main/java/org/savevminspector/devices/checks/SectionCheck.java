package org.savevminspector.devices.checks;

import java.util.List;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Section;

/**
 * One named sanity check on decoded device sections. Every check says what it looks at, which diagnostics it can
 * raise and which devices it applies to, so that "no finding" can say which checks ran ({@link CheckCatalog}).
 * A check is one small class listed in {@code META-INF/services/org.savevminspector.devices.checks.SectionCheck}.
 */
public interface SectionCheck {

    /** Stable identifier, e.g. {@code pci-identity} (part of the JSON contract). */
    String id();

    /** One-line title. */
    String title();

    /** What is checked and why a finding matters, with its source. */
    String description();

    /** The diagnostic codes a finding can have. */
    List<DiagnosticCode> codes();

    /** The devices it applies to, in words (e.g. "every section with a PCI block"). */
    String devices();

    /** Whether it looks at this section at all. */
    boolean appliesTo(Section s);

    /** Adds its findings for one section it {@linkplain #appliesTo applies to}. */
    void check(Section s, List<Diagnostic> out);
}
