package io.benchline.station.cli;

import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.station.InputError;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "stlink",
        description = "Serve a simulated ST-LINK with an STM32F411 board over stlink-tcp until killed.",
        mixinStandardHelpOptions = true)
final class SimStlinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "PORT", description = "TCP port (0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--board",
            defaultValue = "good",
            paramLabel = "PROFILE",
            description = "Board fault profile (default ${DEFAULT-VALUE}).")
    String board;

    @Option(
            names = "--stlink",
            defaultValue = "v2-1",
            paramLabel = "MODEL",
            description = "Probe to impersonate: v2, v2-old, v2-1, v3 (default ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--time-scale",
            defaultValue = "0",
            paramLabel = "X",
            description = "Flash timing: 0 instant, 1 datasheet typical (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Override
    public Integer call() {
        BoardProfile profile;
        try {
            profile = BoardProfile.byId(board);
        } catch (IllegalArgumentException e) {
            throw new InputError("--board: " + e.getMessage());
        }
        StlinkSimulator.Hardware hw;
        try {
            hw = StlinkSimulator.Hardware.valueOf(model.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InputError("--stlink: unknown model '" + model + "' (v2, v2-old, v2-1, v3)");
        }
        if (!(timeScale >= 0)) {
            throw new InputError("--time-scale must be 0 or more, got " + timeScale);
        }
        SimBoard simBoard = SimBoard.powered(profile);
        simBoard.mcu().setTimeScale(timeScale);
        StlinkTcpServer server;
        try {
            server = StlinkTcpServer.start(new StlinkSimulator(simBoard, hw), host, port);
        } catch (IOException e) {
            throw new InputError("--listen: cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  simulated ST-LINK %s, board '%s'%n", server.address(), model, profile);
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return ExitCodes.OK;
    }
}
