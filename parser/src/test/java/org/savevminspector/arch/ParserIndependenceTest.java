package org.savevminspector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The parser is a plain library: the GUI and the headless CLI both stand on it. Inside it, the structural diff
 * sits above inspection and containers: only the reports render it, nothing below uses it.
 */
class ParserIndependenceTest {
    private static final JavaClasses PARSER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.savevminspector");

    @Test
    void parserDoesNotDependOnJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                "org.fxmisc..").check(PARSER);
    }

    @Test
    void parserDoesNotDependOnTheApplication() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.savevminspector.app..").check(PARSER);
    }

    @Test
    void onlyTheReportsDependOnTheDiff() {
        noClasses().that().resideOutsideOfPackages("org.savevminspector.diff..", "org.savevminspector.report..")
                .should().dependOnClassesThat().resideInAPackage("org.savevminspector.diff..").check(PARSER);
    }

    @Test
    void theDiffDependsOnNeitherReportsNorRepair() {
        noClasses().that().resideInAPackage("org.savevminspector.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("org.savevminspector.report..",
                        "org.savevminspector.repair..")
                .check(PARSER);
    }
}
