package io.benchline.station.golden;

import io.benchline.db.GoldenCheckRecord;
import io.benchline.db.GoldenChecks;
import io.benchline.db.GoldenFigure;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A golden-board check (docs/golden.md): the known-good board run N times through the station's
 * normal sequencer, each run stored like any other in the plan's golden batch; then the spread of
 * every continuous measurement against its limits. The check passes when every run passed and no
 * measurement's repeatability uses more than 30 % of its tolerance. A golden board that does not
 * pass stops the check at once: the fixture cannot be trusted to judge boards.
 */
public final class GoldenCheck {
    public static final int MIN_REPEAT = 2;
    public static final int MAX_REPEAT = 1000;

    private final Station station;
    private final GoldenChecks store;
    private final GoldenSettings settings;
    private final Clock clock;

    public GoldenCheck(Station station, GoldenChecks store, GoldenSettings settings, Clock clock) {
        this.station = station;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses a request that cannot make a check, before anything is powered. */
    public static void validate(GoldenRequest r, GoldenSettings settings) {
        String s = r.serial();
        if (s == null || s.isBlank() || s.length() > 64 || s.chars().anyMatch(Character::isWhitespace)) {
            throw new InputError("--serial '" + s + "': a golden board's serial is 1 to 64 characters, no spaces");
        }
        if (!settings.admitsGolden(s)) {
            throw new InputError("--serial " + s + " is not a golden board of this fixture (its golden: serials are "
                    + String.join(", ", settings.serials()) + ")");
        }
        if (r.repeat() < MIN_REPEAT || r.repeat() > MAX_REPEAT) {
            throw new InputError("--repeat " + r.repeat() + ": a spread needs " + MIN_REPEAT + " to " + MAX_REPEAT
                    + " runs (10 or more for figures worth trusting)");
        }
        if (!(r.guardK() >= 0 && r.guardK() <= 6)) {
            throw new InputError("--guard-k " + r.guardK() + ": must be 0 to 6 sigmas");
        }
    }

    public GoldenResult run(GoldenRequest r, RunListener listener) {
        validate(r, settings);
        Plan plan = station.plan();
        Instant started = clock.instant();
        List<RunOutcome> runs = new ArrayList<>();
        String reason = null;
        for (int i = 1; i <= r.repeat() && reason == null; i++) {
            RunOutcome o = station.run(
                    new RunRequest(r.serial(), GoldenChecks.batchFor(plan.name()), r.operator(), true), listener);
            runs.add(o);
            if (o.verdict() != Verdict.PASS) {
                reason = failedRun(i, r.repeat(), o);
            }
        }
        List<GoldenFigure> figures = Repeatability.of(runs, r.guardK());
        if (reason == null) {
            reason = unacceptable(figures);
        }
        GoldenCheckRecord record = new GoldenCheckRecord(
                station.fixture().file().station(),
                plan.name(),
                plan.version(),
                station.fixture().name(),
                r.serial(),
                r.repeat(),
                runs.size(),
                r.guardK(),
                reason == null ? Verdict.PASS : Verdict.FAIL,
                reason,
                r.operator(),
                started,
                clock.instant(),
                runs.stream().map(RunOutcome::runId).toList(),
                figures);
        return new GoldenResult(store.store(record), record, runs);
    }

    private static String failedRun(int i, int of, RunOutcome o) {
        String where = o.failedStep() == null ? "" : " at step " + o.failedStep();
        String what = o.message() == null ? "" : " (" + o.message() + ")";
        return "run " + i + " of " + of + " (run " + o.runId() + ") ended " + o.verdict() + where + what
                + ": a golden board that does not pass means the fixture cannot be trusted";
    }

    /** The measurements whose repeatability takes over 30 % of their tolerance, named; null when none. */
    private static String unacceptable(List<GoldenFigure> figures) {
        List<String> bad = figures.stream()
                .filter(f -> GageRating.UNACCEPTABLE.word().equals(f.rating()))
                .map(f -> String.format(Locale.ROOT, "%s %.1f %%", f.name(), f.tolerancePct()))
                .toList();
        if (bad.isEmpty()) {
            return null;
        }
        return "repeatability uses over " + (int) GageRating.MARGINAL_UP_TO + " % of the tolerance: "
                + String.join(", ", bad) + " (the fixture cannot tell a good board from a bad one near the limits)";
    }
}
