package io.github.imagebuildersql.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The modules' packages follow a row's journey: configuration, partitions, API calls, tables, rows and scans in
 * the core; the Calcite adapter over it; the JDBC driver and the command line over that. No package depends on
 * one further along, so the graph of every package on the driver's class path (the emulator's too) has no
 * cycle; the demo estate is found through a service interface.
 */
class ArchitectureTest {
    static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.imagebuildersql");

    @Test
    void noPackageCycles() {
        slices().matching("io.github.imagebuildersql.(**)").should().beFreeOfCycles().check(PROJECT);
    }

    @Test
    void theCalciteAdapterKnowsNeitherJdbcDriverNorCommandLine() {
        noClasses().that().resideInAPackage("io.github.imagebuildersql.connector.calcite..").should()
                .dependOnClassesThat().resideInAnyPackage("io.github.imagebuildersql.connector.jdbc..",
                        "io.github.imagebuildersql.cli..")
                .check(PROJECT);
    }

    @Test
    void theDriverFindsTheDemoEstateThroughItsServiceInterface() {
        noClasses().that().resideInAnyPackage("io.github.imagebuildersql.core..", "io.github.imagebuildersql.connector..",
                "io.github.imagebuildersql.cli..").should()
                .dependOnClassesThat().resideInAnyPackage("io.github.imagebuildersql.emulator..",
                        "io.github.imagebuildersql.demo..")
                .check(PROJECT);
    }
}
