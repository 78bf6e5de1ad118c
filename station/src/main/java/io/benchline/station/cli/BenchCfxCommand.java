package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.cfx.CfxBenchmark;
import io.benchline.station.cfx.CfxSettings;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "cfx",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: the CFX publisher against a real broker (--cfx). Verdict to UnitsTested at a consumer",
            "(p50/p99, broker up); then an outage: --runs runs tested with the publisher stopped, and the time",
            "to drain the outbox once it starts (messages per second). Fresh H2 files, simulated fixture."
        })
final class BenchCfxCommand implements Callable<Integer> {
    @Mixin
    CfxOption cfx;

    @Option(names = "--runs", defaultValue = "10000", description = "Runs in the outage (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--latency-boards",
            defaultValue = "500",
            description = "Boards timed for the latency (default: ${DEFAULT-VALUE}; 50 more run first).")
    int latencyBoards;

    @Override
    public Integer call() throws Exception {
        CfxSettings settings = cfx.settings();
        if (settings == null) {
            throw new InputError("bench cfx needs --cfx URL (a broker to publish to)");
        }
        Plan plan = PlanLoader.load(Path.of(Home.resolve("plans/stm32f411-board.yaml")));
        FixtureFile fixture = FixtureLoader.load(Home.resolve("fixtures/sim-f411.yaml"));
        SimFixture sim = SimBoards.simulatedFixture(fixture).orElseThrow();
        CfxBenchmark bench = new CfxBenchmark(settings, System.out);
        Path dir = Files.createTempDirectory("benchline-bench-cfx");
        CfxBenchmark.StationOpener opener =
                db -> Station.open(plan, fixture, db, f -> FixtureOpener.open(f, Optional.of(sim)));
        if (latencyBoards > 0) {
            try (Database db = Database.open(dir.resolve("latency").toString())) {
                bench.latency(db, opener, sim, 50, latencyBoards);
            }
        }
        if (runs > 0) {
            try (Database db = Database.open(dir.resolve("outage").toString())) {
                bench.outage(db, opener, sim, runs);
            }
        }
        return ExitCodes.OK;
    }
}
