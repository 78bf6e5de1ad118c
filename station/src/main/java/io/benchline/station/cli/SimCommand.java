package io.benchline.station.cli;

import picocli.CommandLine.Command;

@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Serve simulated hardware over real transports, for fixture bring-up, tests and demos.",
        subcommands = {SimServeCommand.class, SimStlinkCommand.class})
final class SimCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }
}
