package io.github.imagebuildersql.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is the service for any engine: nothing in it knows Calcite or JDBC, and its packages follow a row's
 * journey (configuration, partitions, API calls, tables, rows, scans) without a cycle.
 */
class CoreBoundaryTest {
    static final JavaClasses CORE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.imagebuildersql.core");

    @Test
    void nothingInTheCoreKnowsCalciteOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.calcite..", "java.sql..", "javax.sql..")
                .because("the core serves every engine: Calcite and JDBC are front-ends over it")
                .check(CORE);
    }

    @Test
    void theCorePackagesHaveNoCycle() {
        slices().matching("io.github.imagebuildersql.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theCoreKnowsNoFrontEndNorTheEmulator() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.imagebuildersql.connector..",
                "io.github.imagebuildersql.cli..", "io.github.imagebuildersql.emulator..",
                "io.github.imagebuildersql.demo..", "io.github.imagebuildersql.trino..")
                .check(CORE);
    }
}
