package io.github.imagebuildersql.emulator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The emulator's packages depend one way: the wire types at the bottom, then the fixture, authentication and
 * the services, with the server (this package) on top.
 */
class PackageGraphTest {
    static final JavaClasses EMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.imagebuildersql.emulator");

    @Test
    void thePackagesHaveNoCycleTheServersPackageIncluded() {
        // slices().matching("…emulator.(*)..") would leave out the classes of the root package, the server's
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return SliceIdentifier.of(c.getPackageName());
            }

            @Override
            public String getDescription() {
                return "each package of the emulator";
            }
        }).should().beFreeOfCycles().check(EMULATOR);
    }
}
