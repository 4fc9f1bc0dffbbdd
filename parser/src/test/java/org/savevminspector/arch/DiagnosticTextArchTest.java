package org.savevminspector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.savevminspector.diagnostics.Diagnostic;
import org.savevminspector.diagnostics.DiagnosticCode;

/**
 * Diagnostic texts live in the catalogue (issue 15 point 4): outside {@code diagnostics} no class makes a
 * diagnostic from ready-made strings; it raises a catalogue entry ({@link Diagnostic#raise}) with typed arguments.
 */
class DiagnosticTextArchTest {
    private static final JavaClasses PARSER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.savevminspector");

    @Test
    void noDiagnosticIsMadeFromAStringOutsideTheCatalogue() {
        noClasses().that().resideOutsideOfPackage("org.savevminspector.diagnostics")
                .should().callConstructor(Diagnostic.class, DiagnosticCode.class, long.class, long.class, int.class,
                        String.class, String.class)
                .orShould().callMethod(Diagnostic.class, "of", DiagnosticCode.class, long.class, long.class, int.class,
                        String.class)
                .because("a diagnostic's text is the catalogue's entry, raised by code and variant with typed arguments")
                .check(PARSER);
    }
}
