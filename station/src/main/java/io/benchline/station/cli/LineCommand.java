package io.benchline.station.cli;

import io.benchline.db.CentralUrl;
import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.line.LineServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "line",
        mixinStandardHelpOptions = true,
        description = {
            "The line page for the test engineer, read-only: every station of the central database with its state,",
            "batch, boards and first-pass yield today and its backlog; the line's yield by hour and its failures",
            "(docs/line.md). Prints `Line page at http://HOST:PORT/`; runs until stopped."
        })
final class LineCommand implements Callable<Integer> {
    @Mixin
    CentralOption central;

    @Option(
            names = "--port",
            defaultValue = "8090",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface: the page"
                    + " shows counts only and takes no input).")
    String bind;

    @Override
    public Integer call() {
        String url = central.url();
        if (port < 0 || port > 65_535) {
            throw new InputError("--port " + port + ": give a TCP port from 0 to 65535");
        }
        Database db = Database.open(url);
        LineServer server;
        try {
            server = LineServer.start(db, Clock.systemDefaultZone(), bind, port);
        } catch (RuntimeException e) {
            db.close();
            throw new InputError("cannot listen on " + bind + ":" + port + ": " + Database.rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            db.close();
                            stopped.countDown();
                        },
                        "benchline-line-stop"));
        System.out.println("Reading the line from " + CentralUrl.redact(url));
        System.out.println("Line page at " + server.address());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
