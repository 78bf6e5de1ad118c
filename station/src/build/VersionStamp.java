import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Works out the version a build records, from git, and writes it as a properties file.
 * Run by the build in source-file mode: {@code java VersionStamp.java ROOT OUT POM_VERSION}.
 *
 * <pre>
 * on tag v1.2.0, clean               1.2.0
 * 3 commits after v1.2.0             1.2.0-3-g0123abc
 * no tag yet (N commits in all)      0.1.0-dev-N-g0123abc      (0.1.0: the pom's version)
 * uncommitted changes                ...-dirty.5f0e33a1        (a hash of the changes themselves)
 * not a git checkout (a tarball)     0.1.0-nogit.20261202T045012Z  (the build time, UTC)
 * </pre>
 *
 * A dirty tree is named by a hash of its uncommitted content (the diff against HEAD plus every
 * untracked, not ignored file) rather than by the time of the build: two builds of different
 * changes differ, and rebuilding the very same tree gives the same name, which is right, as it
 * is the same software. Without git there is no content to name, so the build time is used.
 */
public final class VersionStamp {
    private static final int ABBREV = 7;
    /** The results database's software_version column holds this many characters. */
    static final int MAX_LENGTH = 40;

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java VersionStamp.java PROJECT_ROOT OUT_PROPERTIES POM_VERSION");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        Stamp stamp = stamp(root, args[2]);
        if (stamp.version.length() > MAX_LENGTH) {
            System.err.println("version " + stamp.version + " is longer than the " + MAX_LENGTH
                    + " characters a run record holds: shorten the tag");
            System.exit(1);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# written by VersionStamp at build time\n"
                + "version=" + stamp.version + "\n"
                + "commit=" + stamp.commit + "\n"
                + "dirty=" + stamp.dirty + "\n", StandardCharsets.ISO_8859_1);
        System.out.println("benchline version " + stamp.version);
    }

    record Stamp(String version, String commit, boolean dirty) {
    }

    static Stamp stamp(Path root, String pomVersion) {
        String release = pomVersion.replace("-SNAPSHOT", "");
        Optional<String> top = git(root, "rev-parse", "--show-toplevel");
        // a source tarball unpacked inside some other repository must not take that one's history
        if (top.isEmpty() || !samePath(Path.of(top.get()), root) || git(root, "rev-parse", "--verify", "-q", "HEAD").isEmpty()) {
            String when = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
            return new Stamp(release + "-nogit." + when, "unknown", false);
        }
        String commit = git(root, "rev-parse", "HEAD").orElseThrow();
        String base = git(root, "describe", "--tags", "--match", "v[0-9]*", "--abbrev=" + ABBREV)
                .map(d -> d.substring(1))
                .orElseGet(() -> release + "-dev-"
                        + git(root, "rev-list", "--count", "HEAD").orElseThrow() + "-g" + commit.substring(0, ABBREV));
        Optional<String> changes = uncommittedHash(root);
        return new Stamp(changes.map(h -> base + "-dirty." + h).orElse(base), commit, changes.isPresent());
    }

    /** A short hash of everything that differs from HEAD, or empty when nothing does. */
    static Optional<String> uncommittedHash(Path root) {
        // refreshes the index's stat data, so a file merely touched does not count as changed
        git(root, "update-index", "-q", "--refresh");
        byte[] diff = run(root, "git", "diff", "HEAD", "--binary", "--no-ext-diff", "--no-textconv").orElseThrow();
        byte[] untrackedList = run(root, "git", "ls-files", "-z", "--others", "--exclude-standard").orElseThrow();
        if (diff.length == 0 && untrackedList.length == 0) {
            return Optional.empty();
        }
        MessageDigest sha = sha256();
        sha.update(diff);
        for (String name : new String(untrackedList, StandardCharsets.UTF_8).split("\0")) {
            if (name.isEmpty()) {
                continue;
            }
            sha.update(("\0untracked\0" + name + "\0").getBytes(StandardCharsets.UTF_8));
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    sha.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest(), 0, 4));
    }

    private static Optional<String> git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(dir, cmd).map(b -> new String(b, StandardCharsets.UTF_8).trim());
    }

    /** The command's stdout, or empty when it cannot run or exits non-zero. */
    private static Optional<byte[]> run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
