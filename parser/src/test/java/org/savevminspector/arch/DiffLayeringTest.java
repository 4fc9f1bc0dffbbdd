package org.savevminspector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The structural diff sits above inspection and containers: only the reports render it, nothing below uses it. */
class DiffLayeringTest {
    private static final JavaClasses PARSER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.savevminspector");

    @Test
    void onlyTheReportsDependOnTheDiff() {
        noClasses().that().resideOutsideOfPackages("org.savevminspector.diff..", "org.savevminspector.report..")
                .should().dependOnClassesThat().resideInAPackage("org.savevminspector.diff..").check(PARSER);
    }

    @Test
    void theDiffDependsOnNothingAboveInspection() {
        noClasses().that().resideInAPackage("org.savevminspector.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("org.savevminspector.report..",
                        "org.savevminspector.repair..")
                .check(PARSER);
    }
}
