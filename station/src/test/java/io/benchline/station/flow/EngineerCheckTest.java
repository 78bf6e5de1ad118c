package io.benchline.station.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.EngineerAction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engineers' PINs against the users file and the stored refusals; the lockout against guessing. */
class EngineerCheckTest {
    @TempDir
    Path dir;

    @Test
    void threeWrongPinsLockTheNameEvenForTheRightOneAndEveryRefusalIsStored() {
        Users users = FlowTestFiles.users(dir);
        try (Database db = Database.open(dir.resolve("results").toString())) {
            EngineerCheck check = new EngineerCheck(users, db.flow(), "st-1", Clock.systemUTC());
            assertEquals(
                    "eve",
                    check.engineer("eve", "4711".toCharArray(), "SN-1", "release SN-1")
                            .name());
            for (String guess : List.of("0000", "1111", "2222")) {
                EngineerRefused e = assertThrows(
                        EngineerRefused.class,
                        () -> check.engineer("eve", guess.toCharArray(), "SN-1", "release SN-1"));
                assertEquals("pin-refused", e.code);
            }
            EngineerRefused locked = assertThrows(
                    EngineerRefused.class, () -> check.engineer("eve", "4711".toCharArray(), "SN-1", "release SN-1"));
            assertEquals("locked", locked.code);
            assertTrue(
                    locked.getMessage().startsWith("too many wrong PINs for 'eve': try again in "),
                    locked.getMessage());
            assertEquals(
                    "not-engineer",
                    assertThrows(
                                    EngineerRefused.class,
                                    () -> check.engineer("olga", "1234".toCharArray(), "SN-1", "release SN-1"))
                            .code);
            assertEquals(
                    "pin-refused",
                    assertThrows(
                                    EngineerRefused.class,
                                    () -> check.engineer("mallory", "1234".toCharArray(), "SN-1", "release SN-1"))
                            .code);
            List<EngineerAction> stored = db.flow().actions("SN-1");
            assertEquals(5, stored.size(), "three wrong PINs, the operator, the unknown name; not the locked try");
            assertTrue(stored.stream().allMatch(a -> a.action().equals(EngineerAction.PIN_REFUSED)));
            assertEquals("release SN-1: unknown user", stored.get(4).detail());
            assertEquals("mallory", stored.get(4).author());
        }
    }

    @Test
    void theLockDoublesWithEachRefusalUpToFifteenMinutes() {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        assertTrue(Lockout.lockedUntil(List.of(t, t), t).isEmpty());
        assertEquals(t.plusSeconds(30), Lockout.lockedUntil(List.of(t, t, t), t).orElseThrow());
        assertEquals(
                t.plusSeconds(60), Lockout.lockedUntil(List.of(t, t, t, t), t).orElseThrow());
        assertTrue(Lockout.lockedUntil(List.of(t, t, t), t.plusSeconds(30)).isEmpty(), "over once the time is up");
        List<Instant> many = java.util.Collections.nCopies(12, t);
        assertEquals(t.plusSeconds(900), Lockout.lockedUntil(many, t).orElseThrow());
    }

    @Test
    void aPinHashReadsBackAndAWrongOneDoesNotMatch() {
        PinHash h = PinHash.of("4711".toCharArray(), 2_000);
        PinHash back = PinHash.parse(h.text()).orElseThrow();
        assertEquals(h, back);
        assertTrue(back.matches("4711".toCharArray()));
        assertTrue(!back.matches("4712".toCharArray()));
        assertTrue(PinHash.parse("plain:4711").isEmpty());
        assertTrue(!PinHash.of("4711".toCharArray(), 2_000).text().equals(h.text()), "a salt of its own");
    }
}
