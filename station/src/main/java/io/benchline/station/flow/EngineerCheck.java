package io.benchline.station.flow;

import io.benchline.db.EngineerAction;
import io.benchline.db.FlowRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Asks for an engineer before an engineer's action: the name must be an engineer's in the users
 * file and the PIN theirs. Every refusal is stored (who was tried, at which station, why), and a
 * name with too many refusals is locked for a while ({@link Lockout}).
 */
public final class EngineerCheck {
    private final Users users;
    private final FlowRecords records;
    private final String station;
    private final Clock clock;

    public EngineerCheck(Users users, FlowRecords records, String station, Clock clock) {
        this.users = users;
        this.records = records;
        this.station = station;
        this.clock = clock;
    }

    /**
     * The engineer, when name and PIN are an engineer's; else throws {@link EngineerRefused}. The
     * PIN is wiped either way.
     *
     * @param what the action asked for, for the stored refusal ("release SN-1")
     */
    public StationUser engineer(String name, char[] pin, String serial, String what) {
        try {
            if (!users.anyEngineer()) {
                throw new EngineerRefused(
                        "no-engineer",
                        "this station has no engineer in its users file " + users.file()
                                + ": add one with benchline users add NAME --role engineer");
            }
            String who = name == null ? "" : name.trim();
            if (who.isEmpty() || pin == null || pin.length == 0) {
                throw new EngineerRefused("engineer-needed", "an engineer's name and PIN are needed to " + what);
            }
            if (Users.problemWithName(who).isPresent()) {
                // no user can have that name: nothing to guess, nothing worth storing
                throw new EngineerRefused("pin-refused", "name or PIN not accepted: " + what + " refused");
            }
            Instant now = clock.instant();
            Optional<Instant> locked = Lockout.lockedUntil(records.refusalsSince(who, now.minus(Lockout.WINDOW)), now);
            if (locked.isPresent()) {
                long seconds = Math.max(1, Duration.between(now, locked.get()).toSeconds());
                throw new EngineerRefused(
                        "locked", "too many wrong PINs for '" + who + "': try again in " + seconds + " s");
            }
            Optional<StationUser> user = users.find(who);
            if (user.isEmpty() || !user.get().pin().matches(pin)) {
                refuse(who, serial, what, user.isEmpty() ? "unknown user" : "wrong PIN", now);
                throw new EngineerRefused("pin-refused", "name or PIN not accepted: " + what + " refused");
            }
            if (user.get().role() != Role.ENGINEER) {
                refuse(who, serial, what, "role " + user.get().role().text() + ", not engineer", now);
                throw new EngineerRefused(
                        "not-engineer", who + " is an " + user.get().role().text() + ": only an engineer may " + what);
            }
            return user.get();
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private void refuse(String who, String serial, String what, String why, Instant at) {
        records.record(
                new EngineerAction(at, who, EngineerAction.PIN_REFUSED, serial, station, null, what + ": " + why));
    }
}
