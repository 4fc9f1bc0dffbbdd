package org.savevminspector.app.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The application's packages form layers, not a web: no two packages import each other, however indirectly
 * ({@code Launcher} → {@code cli} / {@code gui} → {@code common}; {@code gui} → {@code gui.session} →
 * {@code gui.model}; {@code gui} → {@code gui.compare} → {@code gui.session}; the hex control stands apart), and
 * the hex control knows nothing of savevm.
 */
class PackageCyclesArchTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.savevminspector.app");

    /** One slice per package (org.savevminspector.app itself, app.cli, app.gui, app.gui.model, …), not per subtree. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("org.savevminspector.app") ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of the application";
        }
    };

    @Test
    void theApplicationsPackagesAreImported() {
        // a rule over an empty import passes whatever the code does
        APP.get("org.savevminspector.app.Launcher");
        APP.get("org.savevminspector.app.gui.MainWindow");
        APP.get("org.savevminspector.app.gui.hex.HexView");
        APP.get("org.savevminspector.app.gui.session.ViewSession");
        APP.get("org.savevminspector.app.gui.compare.CompareSession");
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .because("a package that imports one which imports it back cannot be understood, tested or moved alone")
                .check(APP);
    }

    @Test
    void theHexControlKnowsNothingOfSavevm() {
        noClasses().that().resideInAPackage("org.savevminspector.app.gui.hex..")
                .should().dependOnClassesThat(resideInAPackage("org.savevminspector..")
                        .and(resideOutsideOfPackage("org.savevminspector.app.gui.hex..")))
                .because("the hex pane is a control over byte ranges and style classes: the format lives above it")
                .check(APP);
    }

    @Test
    void theSessionHoldsStateNotViews() {
        noClasses().that().resideInAPackage("org.savevminspector.app.gui.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.savevminspector.app.gui", "org.savevminspector.app.gui.hex..")
                .because("views follow the session; a session that knew them could not hold two side by side")
                .check(APP);
    }

    @Test
    void theComparisonHoldsStateNotViews() {
        noClasses().that().resideInAPackage("org.savevminspector.app.gui.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.savevminspector.app.gui", "org.savevminspector.app.gui.hex..")
                .because("the compare window's views follow the comparison, which acts on the sides only through "
                        + "their sessions")
                .check(APP);
    }
}
