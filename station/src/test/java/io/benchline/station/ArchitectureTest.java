package io.benchline.station;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of docs/design.md, checked on the compiled classes of every module (the
 * station's test classpath holds them all): each rule names what a package must not lean on.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.benchline");
    }

    @Test
    void onlyTheDatabaseModuleSpeaksSql() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.benchline.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..")
                .because("db owns every SQL statement: the others read and write through its records and queries")
                .check(classes);
    }

    @Test
    void fixturesKnowNothingOfPlansOrDatabases() {
        noClasses()
                .that()
                .resideInAPackage("io.benchline.fixtures..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.benchline.db..", "io.benchline.reports..", "io.benchline.station..")
                .check(classes);
    }

    @Test
    void databaseKnowsNothingOfHardwareReportsOrStation() {
        noClasses()
                .that()
                .resideInAPackage("io.benchline.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.benchline.fixtures..", "io.benchline.reports..", "io.benchline.station..")
                .check(classes);
    }

    @Test
    void reportsDependOnTheDatabaseOnly() {
        noClasses()
                .that()
                .resideInAPackage("io.benchline.reports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.benchline.fixtures..", "io.benchline.station..")
                .check(classes);
    }

    @Test
    void stationCoreDoesNotLeanOnTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("io.benchline.station..")
                .and()
                .resideOutsideOfPackage("io.benchline.station.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.benchline.station.cli..")
                .check(classes);
    }
}
