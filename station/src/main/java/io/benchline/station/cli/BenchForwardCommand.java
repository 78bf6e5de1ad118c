package io.benchline.station.cli;

import io.benchline.station.benchmark.ForwardBench;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: a station's backlog of runs drained into the line's central PostgreSQL.",
            "Writes the backlog in bulk into a fresh local H2 file (a new batch of new boards), then times",
            "the forwarder from its start until nothing waits. Migrates the central database first."
        })
final class BenchForwardCommand implements Callable<Integer> {
    @Mixin
    CentralOption central;

    @Option(names = "--runs", defaultValue = "20000", description = "Runs in the backlog (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        ForwardBench.run(central.url(), runs, Files.createTempDirectory("benchline-bench-forward"), System.out);
        return ExitCodes.OK;
    }
}
