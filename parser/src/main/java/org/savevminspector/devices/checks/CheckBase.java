package org.savevminspector.devices.checks;

import java.util.List;
import java.util.Set;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.model.Section;

/** Convenience base: a check class is then a constructor call with its data and its {@code check} method. */
abstract class CheckBase implements SectionCheck {
    private final String id;
    private final String title;
    private final String description;
    private final List<DiagnosticCode> codes;
    private final Set<String> idstrs;

    /**
     * @param idstrs the devices it applies to; empty for "every section with a PCI block"
     */
    CheckBase(String id, String title, String description, List<DiagnosticCode> codes, Set<String> idstrs) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.codes = List.copyOf(codes);
        this.idstrs = Set.copyOf(idstrs);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<DiagnosticCode> codes() {
        return codes;
    }

    @Override
    public String devices() {
        return idstrs.isEmpty() ? "every section with a PCI block" : String.join(", ", idstrs.stream().sorted().toList());
    }

    @Override
    public boolean appliesTo(Section s) {
        return idstrs.isEmpty() ? SectionFields.pciConfig(s) != null : idstrs.contains(s.idstr());
    }
}
