package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.flow.Role;
import io.benchline.station.flow.Users;
import io.benchline.station.ui.StartButton;
import io.benchline.station.ui.StationServer;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Serves a station's web UI until the process is stopped (Ctrl-C). */
final class StationLauncher {
    private StationLauncher() {}

    static int serve(
            Database db,
            Station station,
            String batch,
            String bind,
            int port,
            Runnable beforeEachRun,
            PrintStream out) {
        return serve(db, station, batch, bind, port, beforeEachRun, out, Users.none());
    }

    /** As above, with the station's users (its engineers act on the screen). */
    static int serve(
            Database db,
            Station station,
            String batch,
            String bind,
            int port,
            Runnable beforeEachRun,
            PrintStream out,
            Users users) {
        if (station.recoveredRuns() > 0) {
            out.println(station.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
        }
        Optional<StartButton> startButton = StartButton.of(station.fixture());
        StationServer server;
        try {
            server = StationServer.start(station, db, batch, bind, port, beforeEachRun, startButton, users);
        } catch (RuntimeException e) {
            throw new InputError("cannot listen on " + bind + ":" + port + ": " + Database.rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "benchline-stop"));
        out.printf(
                "%s — plan %s v%s — batch %s — results in %s%n",
                station.plan().productLabel(),
                station.plan().name(),
                station.plan().version(),
                batch,
                db.url());
        long engineers =
                users.users().stream().filter(u -> u.role() == Role.ENGINEER).count();
        out.println("Users file " + users.file() + ": " + engineers
                + " engineer(s) to release quarantined boards and confirm retests of passed ones");
        server.token()
                .ifPresent(t -> out.println("Access token: " + t + "  (open " + server.address() + "?token=" + t
                        + " once in each browser, or send the X-Benchline-Token header)"));
        out.println("Station ready at " + server.address());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
