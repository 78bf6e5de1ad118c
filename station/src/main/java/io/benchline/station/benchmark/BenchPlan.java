package io.benchline.station.benchmark;

import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped plan with a released image of a production size: the banner build (so the boot
 * check still passes on the simulated board) followed by filler up to the size asked, as a raw
 * .bin at the flash base. Programming time grows with the size as on the chip.
 */
public final class BenchPlan {
    private static final Pattern FIRMWARE = Pattern.compile("(?m)^firmware:\\n(?:  .*\\n)+");

    private BenchPlan() {}

    public static Plan withImageKib(Path planFile, Path bannerBin, int kib, Path dir) throws IOException {
        byte[] banner = Files.readAllBytes(bannerBin);
        byte[] image = new byte[Math.max(banner.length, kib * 1024)];
        new Random(kib).nextBytes(image);
        System.arraycopy(banner, 0, image, 0, banner.length);
        Path bin = dir.resolve("bench-" + kib + "k.bin");
        Files.write(bin, image);
        String text = Files.readString(planFile, StandardCharsets.UTF_8);
        Matcher m = FIRMWARE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("plan " + planFile + " has no firmware block to replace");
        }
        String firmware = "firmware:\n  path: " + bin.toAbsolutePath() + "\n  sha256: " + sha256(image)
                + "\n  base: 0x08000000\n";
        Path plan = dir.resolve("bench-plan-" + kib + "k.yaml");
        Files.writeString(plan, m.replaceFirst(Matcher.quoteReplacement(firmware)), StandardCharsets.UTF_8);
        return PlanLoader.load(plan);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
