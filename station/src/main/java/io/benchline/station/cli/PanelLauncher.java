package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.Panel;
import io.benchline.station.flow.Users;
import io.benchline.station.ui.PanelServer;
import io.benchline.station.ui.StartButton;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/** Serves a multi-up station's panel screen until the process is stopped (Ctrl-C). */
final class PanelLauncher {
    private PanelLauncher() {}

    static int serve(
            Database db, Panel panel, String batch, String bind, int port, IntConsumer placeBoard, PrintStream out) {
        return serve(db, panel, batch, bind, port, placeBoard, out, Users.none());
    }

    /** As above, with the station's users (its engineers release and confirm on a tile). */
    static int serve(
            Database db,
            Panel panel,
            String batch,
            String bind,
            int port,
            IntConsumer placeBoard,
            PrintStream out,
            Users users) {
        if (panel.recoveredRuns() > 0) {
            out.println(panel.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
        }
        PanelServer server;
        try {
            server =
                    PanelServer.start(panel, db, batch, bind, port, placeBoard, StartButton.of(panel.fixture()), users);
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
                "%s — plan %s v%s — %d positions — batch %s — results in %s%n",
                panel.plan().productLabel(),
                panel.plan().name(),
                panel.plan().version(),
                panel.size(),
                batch,
                db.url());
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
