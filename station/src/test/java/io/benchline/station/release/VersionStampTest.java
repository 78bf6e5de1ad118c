package io.benchline.station.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's version stamp (src/build/VersionStamp.java) on throwaway git repositories. */
class VersionStampTest {
    static Method stamp;
    static Method version;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile(@TempDir Path classes) throws Exception {
        int rc = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        Path.of("src/build/VersionStamp.java").toString());
        assertEquals(0, rc);
        ClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, VersionStampTest.class.getClassLoader());
        Class<?> c = loader.loadClass("VersionStamp");
        stamp = c.getDeclaredMethod("stamp", Path.class, String.class);
        stamp.setAccessible(true);
        version = loader.loadClass("VersionStamp$Stamp").getDeclaredMethod("version");
        version.setAccessible(true);
    }

    String stampOf(Path root) throws Exception {
        return (String) version.invoke(stamp.invoke(null, root, "0.3.0-SNAPSHOT"));
    }

    String git(Path in, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "tag.gpgsign=false"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(in.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
            return out.strip();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Path repo() throws IOException {
        Path r = Files.createDirectories(dir.resolve("repo"));
        git(r, "init", "-q");
        Files.writeString(r.resolve(".gitignore"), "target/\n");
        Files.writeString(r.resolve("a.txt"), "one\n");
        git(r, "add", "-A");
        git(r, "commit", "-q", "-m", "first");
        return r;
    }

    @Test
    void untaggedHistoryCountsCommitsAndNamesTheCommit() throws Exception {
        Path r = repo();
        assertEquals("0.3.0-dev-1-g" + git(r, "rev-parse", "--short=7", "HEAD"), stampOf(r));
    }

    @Test
    void taggedCommitIsTheTagAndLaterCommitsAreGitDescribe() throws Exception {
        Path r = repo();
        git(r, "tag", "-a", "v1.2.0", "-m", "release 1.2.0");
        assertEquals("1.2.0", stampOf(r));
        Files.writeString(r.resolve("a.txt"), "two\n");
        git(r, "commit", "-q", "-am", "second");
        String expected = git(r, "describe", "--tags", "--abbrev=7").substring(1);
        assertTrue(Pattern.matches("1\\.2\\.0-1-g[0-9a-f]{7}", expected), expected);
        assertEquals(expected, stampOf(r));
    }

    @Test
    void dirtyTreesAreNamedByTheirChanges() throws Exception {
        Path r = repo();
        String clean = stampOf(r);
        Files.writeString(r.resolve("a.txt"), "changed once\n");
        String first = stampOf(r);
        assertTrue(Pattern.matches(Pattern.quote(clean) + "-dirty\\.[0-9a-f]{8}", first), first);

        Files.writeString(r.resolve("a.txt"), "changed otherwise\n");
        String second = stampOf(r);
        assertNotEquals(first, second, "two different dirty trees must not record the same version");

        Files.writeString(r.resolve("a.txt"), "changed once\n");
        assertEquals(first, stampOf(r), "the same changes give the same version");

        Files.writeString(r.resolve("new.txt"), "untracked\n");
        String withNewFile = stampOf(r);
        assertNotEquals(first, withNewFile, "an untracked file is a change too");
        Files.writeString(r.resolve("new.txt"), "untracked, edited\n");
        assertNotEquals(withNewFile, stampOf(r), "so is its content");

        Files.createDirectories(r.resolve("target"));
        Files.writeString(r.resolve("target/built.class"), "ignored\n");
        Files.delete(r.resolve("new.txt"));
        assertEquals(first, stampOf(r), "ignored build output is not a change");

        Files.writeString(r.resolve("a.txt"), "one\n");
        assertEquals(clean, stampOf(r));
    }

    @Test
    void outsideGitTheVersionSaysSoAndCarriesTheBuildTime() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("benchline-src"));
        assertTrue(Pattern.matches("0\\.3\\.0-nogit\\.\\d{8}T\\d{6}Z", stampOf(plain)), stampOf(plain));
    }

    @Test
    void aTarballUnpackedInsideAnotherRepositoryIsStillNotGit() throws Exception {
        Path outer = repo();
        Path unpacked = Files.createDirectories(outer.resolve("vendor/benchline-src"));
        Files.writeString(unpacked.resolve("pom.xml"), "<project/>\n");
        assertTrue(stampOf(unpacked).startsWith("0.3.0-nogit."), stampOf(unpacked));
    }
}
