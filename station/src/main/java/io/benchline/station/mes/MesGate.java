package io.benchline.station.mes;

import io.benchline.db.Database;
import io.benchline.db.RouteCheck;
import io.benchline.db.RouteChecks;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A station's MES (docs/mes.md): before each run the route check, stored before anyone is told and
 * acted on (refused: nothing is powered); after the verdict, the result posted in the background.
 */
public final class MesGate implements AutoCloseable {
    private final MesSettings settings;
    private final RouteChecks store;
    private final String station;
    private final Plan plan;
    private final Optional<RouteAsker> asker;
    private final Optional<ResultPoster> poster;
    private final Consumer<String> notices;
    private final Clock clock;

    private MesGate(
            MesSettings settings,
            RouteChecks store,
            String station,
            Plan plan,
            Optional<RouteAsker> asker,
            Optional<ResultPoster> poster,
            Consumer<String> notices,
            Clock clock) {
        this.settings = settings;
        this.store = store;
        this.station = station;
        this.plan = plan;
        this.asker = asker;
        this.poster = poster;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * The gate of one station; results an earlier station left unposted for the same URL are posted
     * again. notices hears what the operator or technician should know that is not a verdict (a
     * route not checked, a result not posted).
     */
    public static MesGate open(MesSettings settings, Database db, String station, Plan plan, Consumer<String> notices) {
        Clock clock = Clock.systemUTC();
        MesHttp http = new MesHttp(settings);
        RouteChecks store = db.routeChecks();
        Optional<RouteAsker> asker = settings.routeUrl().map(u -> new RouteAsker(http, u, settings.onUnreachable()));
        Optional<ResultPoster> poster =
                settings.resultsUrl().map(u -> new ResultPoster(http, u, store, settings, notices, clock));
        poster.ifPresent(ResultPoster::resumePending);
        return new MesGate(settings, store, station, plan, asker, poster, notices, clock);
    }

    public MesSettings settings() {
        return settings;
    }

    /**
     * Asks the MES (when a route URL is set), stores its decision, and runs the board only if it
     * may be tested; then queues its result for the MES. Throws {@link RouteRefused} or
     * {@link MesUnavailable} when nothing is to be tested.
     */
    public RunOutcome run(RunRequest request, Supplier<RunOutcome> sequencer) {
        Long checkId = asker.map(a -> check(a, request)).orElse(null);
        RunOutcome outcome = sequencer.get();
        try {
            if (checkId != null) {
                store.linkRun(checkId, outcome.runId());
            }
            poster.ifPresent(p -> p.queue(outcome.runId()));
        } catch (RuntimeException e) {
            // the verdict is stored and told: what the MES is to hear after it never changes it
            notices.accept("MES: run " + outcome.runId() + " could not be noted for the MES: " + e.getMessage());
        }
        return outcome;
    }

    private long check(RouteAsker a, RunRequest request) {
        Instant asked = clock.instant();
        RouteVerdict v = a.ask(new RouteQuestion(
                request.serial(), station, plan.name(), plan.version(), request.operator(), request.batch(), null));
        long id = store.record(new RouteCheck(
                0,
                request.serial(),
                station,
                request.operator(),
                request.batch(),
                plan.name(),
                plan.version(),
                a.url().toString(),
                asked,
                v.elapsedMs(),
                v.decision(),
                v.reason(),
                null));
        switch (v.decision()) {
            case REFUSED -> throw new RouteRefused(request.serial(), station, v.reason());
            case UNCHECKED_REFUSED -> throw new MesUnavailable(request.serial(), v.reason());
            case UNCHECKED_ALLOWED ->
                notices.accept("warning: board " + request.serial() + " tested without a route check: " + v.reason()
                        + " (mes: on-unreachable: allow)");
            case ALLOWED -> {}
        }
        return id;
    }

    @Override
    public void close() {
        poster.ifPresent(ResultPoster::close);
    }
}
