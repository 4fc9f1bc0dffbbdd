package org.savevminspector.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.ObjectInputStream;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.io.AtomicFileWriter;
import org.savevminspector.io.FileByteSource;
import org.savevminspector.io.InputOpener;
import org.savevminspector.io.MappedByteSource;
import org.savevminspector.io.PrivateCopy;
import org.savevminspector.io.TempFiles;

/**
 * The data-safety guarantees that can be read off the byte code of the parser and the application (main code
 * only), so that a later change cannot quietly break them:
 * <ul>
 *   <li>files are created, written, renamed or deleted only by {@link AtomicFileWriter} (complete or absent,
 *       permissions kept), by {@link PrivateCopy} (a private, mode-0600 copy of a piped input) and by
 *       {@link TempFiles} (which removes both kinds of temporary file), and file channels are opened only by
 *       those two writers, the read-only {@link FileByteSource} and {@link MappedByteSource}, and
 *       {@link InputOpener} (which reads a FIFO or procfs file once, read-only);
 *   <li>nothing is executed, loaded or linked by a name that could come from a file: no reflection, no class
 *       loading (the one exception, {@code EngineWarmUp}, pre-loads a constant list of toolkit classes), no
 *       native libraries, no processes, no Java deserialisation, no JSON reading (JSON is only written), no
 *       scripting or JNDI; {@link ServiceLoader} only in {@link DeviceCatalog}, {@link CheckCatalog} and {@link ContainerIndexer},
 *       from their fixed services files.
 * </ul>
 */
class DataSafetyArchTest {
    /** Main classes of every module on this class path; test classes and the parser's test jar are left out. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("org.savevminspector");

    private static DescribedPredicate<JavaMethodCall> calls(Class<?> owner, String names) {
        return new DescribedPredicate<>("calls " + owner.getSimpleName() + "." + names) {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().isAssignableTo(owner) && call.getName().matches(names);
            }
        };
    }

    @Test
    void theInspectedPackagesAreImported() {
        // a rule over an empty import passes whatever the code does: make sure both modules are there
        MAIN.get(AtomicFileWriter.class);
        MAIN.get("org.savevminspector.app.cli.RepairCommand");
        MAIN.get("org.savevminspector.app.gui.MainWindow");
    }

    @Test
    void onlyTheAtomicWriterWritesFiles() {
        noClasses().that().doNotBelongToAnyOf(AtomicFileWriter.class, PrivateCopy.class, TempFiles.class)
                .should().callMethodWhere(calls(Files.class,
                        "write|writeString|newOutputStream|newBufferedWriter|newByteChannel|copy|move|createFile"
                                + "|createTempFile|createLink|createSymbolicLink|delete|deleteIfExists"
                                + "|setPosixFilePermissions|setLastModifiedTime|setAttribute|setOwner"))
                .orShould().dependOnClassesThat().belongToAnyOf(FileOutputStream.class, FileWriter.class,
                        RandomAccessFile.class)
                .because("every output must be complete or absent and keep the permissions of a file it replaces "
                        + "(AtomicFileWriter), and an input must never be opened for writing")
                .check(MAIN);
    }

    @Test
    void fileChannelsAreOpenedOnlyByTheReadOnlySourceAndTheWriter() {
        noClasses().that().doNotBelongToAnyOf(AtomicFileWriter.class, PrivateCopy.class, FileByteSource.class,
                        MappedByteSource.class, InputOpener.class)
                .should().callMethodWhere(calls(FileChannel.class, "open"))
                .because("inputs are read through FileByteSource or MappedByteSource (StandardOpenOption.READ only), "
                        + "or read once by InputOpener (READ only)")
                .check(MAIN);
    }

    @Test
    void nothingIsLoadedOrRunByName() {
        noClasses().that().doNotHaveFullyQualifiedName("org.savevminspector.app.gui.EngineWarmUp")
                .should().callMethodWhere(calls(Class.class, "forName"))
                .because("a class name could come from a file's content (an idstr); the warm-up's list is constant")
                .check(MAIN);
        noClasses().should().callMethodWhere(calls(ClassLoader.class, "loadClass|defineClass"))
                .orShould().callMethodWhere(calls(Class.class,
                        "newInstance|getMethod|getMethods|getDeclaredMethod|getDeclaredMethods|getConstructor"
                                + "|getDeclaredConstructor|getField|getDeclaredField"))
                .orShould().callMethodWhere(calls(Method.class, "invoke"))
                .orShould().callMethodWhere(calls(Constructor.class, "newInstance"))
                .orShould().callMethodWhere(calls(Field.class, "set.*"))
                .orShould().callMethodWhere(calls(MethodHandles.Lookup.class, "find.*|unreflect.*"))
                .orShould().callMethodWhere(calls(System.class, "load|loadLibrary"))
                .orShould().callMethodWhere(calls(Runtime.class, "exec|load|loadLibrary"))
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, ObjectInputStream.class,
                        URLClassLoader.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("javax.script..", "javax.naming..", "java.rmi..",
                        "java.beans..", "jdk.jshell..")
                .because("no code path may execute, load or link anything named by a file's content")
                .check(MAIN);
    }

    @Test
    void jsonIsOnlyWrittenNeverRead() {
        noClasses().should().callMethodWhere(calls(com.fasterxml.jackson.databind.ObjectMapper.class,
                        "read.*|reader.*|convertValue|treeToValue|activateDefaultTyping.*|enableDefaultTyping.*"))
                .orShould().dependOnClassesThat().belongToAnyOf(com.fasterxml.jackson.databind.ObjectReader.class)
                .because("polymorphic JSON reading is a deserialisation gadget; the tool only writes reports")
                .check(MAIN);
    }

    @Test
    void servicesAreLoadedOnlyFromTheCatalogsFixedFiles() {
        // InputOpener: the input steps (decompression, the VHD view) are found, not named, so that io stands
        // below the formats it undoes (no io <-> io.compress / io.vhd cycle)
        noClasses().that().doNotBelongToAnyOf(DeviceCatalog.class, CheckCatalog.class, ContainerIndexer.class,
                        InputOpener.class)
                .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
                .because("decoders, variant derivations, checks, container walkers and input steps are the fixed "
                        + "lists of META-INF/services, looked up in lists built once, never loaded by a name read "
                        + "from a file")
                .check(MAIN);
    }
}
