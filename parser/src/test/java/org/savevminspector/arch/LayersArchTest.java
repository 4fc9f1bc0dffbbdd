package org.savevminspector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The parser's packages form layers, lowest first; a lower layer never imports a higher one, and no two packages
 * import each other however indirectly:
 * <pre>
 * model → diagnostics → io → container → devices → stream → loader → inspect → repair → image
 *       → diff → report
 * </pre>
 * {@code model} and {@code diagnostics} are the vocabulary every layer speaks (spans, fields, findings) and import
 * nothing of the tool but each other, so they sit under {@code io}: the input pipeline reports what it found in a
 * VHD or a compressed stream as diagnostics over spans, as everything above it does. {@code container} (the save
 * image walkers and their index) reads bytes and reports findings, nothing more, so it sits just above {@code io};
 * the image inspection and repair that join it to the stream sit in {@code image}. The structural diff compares
 * inspected images, so it sits above {@code image}; only the reports render it.
 */
class LayersArchTest {
    private static final JavaClasses PARSER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.savevminspector");

    /** Lowest first; each layer is a package and the packages below it. */
    static final List<String> LAYERS = List.of("model", "diagnostics", "io", "container", "devices", "stream",
            "loader", "inspect", "repair", "image", "diff", "report");

    private static final String ROOT = "org.savevminspector.";

    /** One slice per package (devices, devices.pci, devices.layout, …), not per subtree. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith(ROOT) ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of the parser";
        }
    };

    @Test
    void everyPackageBelongsToALayer() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : PARSER) {
            String rest = c.getPackageName().substring(ROOT.length());
            if (LAYERS.stream().noneMatch(l -> rest.equals(l) || rest.startsWith(l + "."))) {
                unplaced.add(c.getPackageName());
            }
        }
        assertEquals(Set.of(), unplaced, "a new package must be given its place in LAYERS");
        // a rule over an empty import passes whatever the code does
        PARSER.get("org.savevminspector.image.ImageInspector");
        PARSER.get("org.savevminspector.devices.pci.PciBlock");
        PARSER.get("org.savevminspector.io.compress.Decompression");
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .because("a package that imports one which imports it back cannot be understood, tested or moved alone")
                .check(PARSER);
    }

    @Test
    void aLowerLayerNeverImportsAHigherOne() {
        List<String> violations = new ArrayList<>();
        for (int low = 0; low < LAYERS.size(); low++) {
            String[] higher = LAYERS.subList(low + 1, LAYERS.size()).stream().map(l -> ROOT + l + "..")
                    .toArray(String[]::new);
            if (higher.length == 0) {
                continue;
            }
            EvaluationResult r = noClasses().that().resideInAPackage(ROOT + LAYERS.get(low) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .evaluate(PARSER);
            violations.addAll(r.getFailureReport().getDetails());
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theContainerWalkersUseNoDecoderAndNothingAboveThem() {
        noClasses().that().resideInAPackage(ROOT + "container..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "devices..", ROOT + "stream..",
                        ROOT + "loader..", ROOT + "inspect..", ROOT + "repair..")
                .because("the walkers find the QEVM bytes in a save image; inspecting and repairing them is image's")
                .check(PARSER);
    }

    @Test
    void theDeviceDecodersStandApartFromTheCatalogueAndTheTable() {
        noClasses().that().resideInAnyPackage(ROOT + "devices.(*)..")
                .and().resideOutsideOfPackages(ROOT + "devices.known..", ROOT + "devices.checks..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "devices.known..", ROOT + "devices.checks..")
                .because("a decoder is one small class over the layout DSL; the descriptor table and the checks are "
                        + "built from the decoders, not the other way round")
                .check(PARSER);
    }
}
