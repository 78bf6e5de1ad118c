package io.benchline.station.cli;

import io.benchline.station.benchmark.LineLagBench;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "line-lag",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: stations storing runs at a steady rate, each forwarding to the line's central PostgreSQL;",
            "prints how long a verdict takes to be visible there (p50, p99, max). Migrates the central database first."
        })
final class BenchLineLagCommand implements Callable<Integer> {
    @Mixin
    CentralOption central;

    @Option(names = "--stations", defaultValue = "4", description = "Stations (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "Runs per second per station (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "How long they test (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        LineLagBench.run(
                central.url(), stations, rate, seconds, Files.createTempDirectory("benchline-bench-lag"), System.out);
        return ExitCodes.OK;
    }
}
