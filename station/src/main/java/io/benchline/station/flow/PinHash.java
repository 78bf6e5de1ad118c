package io.benchline.station.flow;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PIN (or badge number) as the users file keeps it: PBKDF2 with HMAC-SHA256, a salt of its own
 * and its iteration count, written {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (Base64). A short
 * PIN can be guessed offline from its hash whatever the count, so the file is also kept readable
 * by the station's account only; on the station, guessing is slowed by the lockout.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); about a quarter of a second per check. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public static PinHash of(char[] pin, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    public boolean matches(char[] pin) {
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    public String text() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Reads {@link #text()}; empty when the text is not one. */
    public static Optional<PinHash> parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length < 8 || hash.length != HASH_BITS / 8) {
                return Optional.empty();
            }
            return Optional.of(new PinHash(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a new PIN is refused, if it is. */
    public static Optional<String> weakness(char[] pin) {
        if (pin.length < 4) {
            return Optional.of("a PIN needs at least 4 characters");
        }
        if (pin.length > 64) {
            return Optional.of("a PIN has at most 64 characters");
        }
        return Optional.empty();
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p
                && p.iterations == iterations
                && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return PREFIX + ":" + iterations + ":…";
    }
}
