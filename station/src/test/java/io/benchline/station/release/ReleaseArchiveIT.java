package io.benchline.station.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a station PC gets it: unpacked somewhere, run from another directory
 * with nothing but Java, and the version it stamps matches the checkout it was built from.
 * Runs after package (the surefire execution release-archive in station/pom.xml).
 */
@Tag("release")
class ReleaseArchiveIT {
    @TempDir
    static Path tmp;

    static Path home;
    static String version;

    record Result(int exit, String out) {}

    @BeforeAll
    static void unpack() throws Exception {
        String given = System.getProperty("benchline.release.archive");
        assertTrue(given != null, "run by mvn verify (surefire execution release-archive), after package");
        Path archive = Path.of(given);
        assertTrue(Files.isRegularFile(archive), "no release archive at " + archive);
        version = System.getProperty("benchline.version");
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        assertEquals(
                0, exec(unpacked, List.of("tar", "xzf", archive.toString())).exit());
        home = unpacked.resolve("benchline-" + version);
        assertTrue(Files.isDirectory(home), "archive has no top directory benchline-" + version);
    }

    @Test
    void holdsWhatAStationNeedsAndNoSources() throws IOException {
        for (String f : List.of(
                "lib/benchline.jar",
                "bin/benchline",
                "bin/benchline.cmd",
                "LICENSE",
                "README.md",
                "plans/stm32f411-board.yaml",
                "fixtures/sim-f411.yaml",
                "firmware/banner/build/f411/banner.hex",
                "docs/install.md",
                "docs/stlink.md",
                "systemd/benchline-station.service",
                "udev/49-stlink.rules")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), "missing " + f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/benchline")));
        assertFalse(Files.exists(home.resolve("fixtures/src")), "module sources shipped");
        assertFalse(Files.exists(home.resolve("pom.xml")));
        String cmd = Files.readString(home.resolve("bin/benchline.cmd"));
        assertTrue(
                cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"),
                "benchline.cmd must have CRLF line ends");
        String unit = Files.readString(home.resolve("systemd/benchline-station.service"));
        assertTrue(unit.contains("SupplementaryGroups=dialout"), unit);
        assertTrue(unit.contains("User=benchline"), unit);
        assertTrue(unit.contains("Restart="), unit);
        assertTrue(unit.contains("WorkingDirectory="), unit);
        String rules = Files.readString(home.resolve("udev/49-stlink.rules"));
        assertTrue(rules.contains("ATTR{idVendor}==\"0483\", ATTR{idProduct}==\"3748\""), rules);
    }

    @Test
    void jarCarriesTheStampedVersionAndTheLicences() throws IOException {
        try (JarFile jar = new JarFile(home.resolve("lib/benchline.jar").toFile())) {
            assertEquals(version, jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("io/benchline/station/version.properties"))) {
                p.load(in);
            }
            assertEquals(version, p.getProperty("version"));
            assertEquals(version.contains("-dirty."), Boolean.parseBoolean(p.getProperty("dirty")));
            String license =
                    new String(jar.getInputStream(jar.getEntry("LICENSE")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), "LICENSE in the jar");
            // bundled libraries' texts: Jackson's Apache notice and the PostgreSQL driver's BSD licence
            String notice = new String(
                    jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(notice.contains("Jackson"), notice);
            String bundled = new String(
                    jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bundled.contains("PostgreSQL"), "the PostgreSQL driver's licence is kept");
        }
    }

    @Test
    void versionMatchesGitDescribeOfTheCheckout() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Result top = exec(root, List.of("git", "rev-parse", "--show-toplevel"));
        if (top.exit() != 0) {
            assertTrue(Pattern.matches("\\d+\\.\\d+\\.\\d+-nogit\\.\\d{8}T\\d{6}Z", version), version);
            return;
        }
        Result describe = exec(root, List.of("git", "describe", "--tags", "--match", "v[0-9]*", "--abbrev=7"));
        String base = describe.exit() == 0
                ? describe.out().strip().substring(1)
                : System.getProperty("benchline.pom.version").replace("-SNAPSHOT", "") + "-dev-"
                        + exec(root, List.of("git", "rev-list", "--count", "HEAD"))
                                .out()
                                .strip() + "-g"
                        + exec(root, List.of("git", "rev-parse", "--short=7", "HEAD"))
                                .out()
                                .strip();
        boolean dirty =
                !exec(root, List.of("git", "status", "--porcelain")).out().isBlank();
        if (dirty) {
            assertTrue(
                    Pattern.matches(Pattern.quote(base) + "-dirty\\.[0-9a-f]{8}", version),
                    version + " for " + base + ", dirty");
        } else {
            assertEquals(base, version);
        }
    }

    @Test
    void runsABoardFromAnotherDirectoryWithoutMaven() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path db = tmp.resolve("db/results");

        Result v = benchline(elsewhere, "--version");
        assertEquals(0, v.exit(), v.out());
        assertEquals("benchline " + version, v.out().strip());

        // the first run records the class-data archive, the second one starts from it
        for (String serial : List.of("SN-REL-0001", "SN-REL-0002")) {
            Result r = benchline(
                    elsewhere,
                    "run",
                    "--plan",
                    "plans/stm32f411-board.yaml",
                    "--fixture",
                    "sim:good",
                    "--serial",
                    serial,
                    "--db",
                    db.toString());
            assertEquals(0, r.exit(), r.out());
            assertTrue(r.out().contains("PASS  " + serial), r.out());
        }
        try (Stream<Path> cds = Files.list(tmp.resolve("cds"))) {
            assertEquals(1, cds.filter(p -> p.toString().endsWith(".jsa")).count(), "one class-data archive");
        }

        Result trace = benchline(elsewhere, "trace", "SN-REL-0001", "--db", db.toString());
        assertEquals(0, trace.exit(), trace.out());
        assertTrue(trace.out().contains("software " + version), trace.out());
    }

    Result benchline(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/benchline").toString()));
        cmd.addAll(List.of(args));
        return exec(dir, cmd);
    }

    static Result exec(Path dir, List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().remove("BENCHLINE_HOME");
            pb.environment().remove("BENCHLINE_DB");
            pb.environment().remove("BENCHLINE_JAVA_OPTS");
            pb.environment().put("BENCHLINE_CDS_DIR", tmp.resolve("cds").toString());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
