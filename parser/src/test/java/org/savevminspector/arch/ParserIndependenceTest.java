package org.savevminspector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parser is a plain library: the GUI and the headless CLI both stand on it. */
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
}
