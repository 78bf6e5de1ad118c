package io.benchline.station.cli;

import io.benchline.fixtures.instrument.Instruments;
import io.benchline.fixtures.link.LineLink;
import io.benchline.fixtures.link.LinkSettings;
import io.benchline.fixtures.link.SerialSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "instrument",
        mixinStandardHelpOptions = true,
        description = "Talk to an instrument by hand (fixture bring-up).",
        subcommands = InstrumentCommand.Query.class)
final class InstrumentCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(
            name = "query",
            mixinStandardHelpOptions = true,
            description = {
                "Send one command and print the reply. A command without '?' may have none: its reply is printed if one comes within 300 ms.",
                "Example: benchline instrument query --port /dev/ttyUSB0 --stop-bits 2 '*IDN?'"
            })
    static final class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private PrintWriter out() {
            return spec.commandLine().getOut();
        }

        private static final int LISTEN_MS = 300;

        @Mixin
        LinkOptions link;

        @Parameters(paramLabel = "CMD", description = "The command, e.g. *IDN? or SYST:ERR?")
        String command;

        @Override
        public Integer call() {
            LinkSettings defaults = LinkSettings.scpi(SerialSettings.of8n1(9600), 3000);
            try (LineLink l = Cli.inputs(() -> Instruments.openLink(link.spec("scpi", null), defaults))) {
                if (command.contains("?")) {
                    out().println(LineLink.printable(l.query(command)));
                } else {
                    l.sendAndListen(command, Math.min(LISTEN_MS, l.settings().timeoutMs()))
                            .ifPresent(r -> out().println(LineLink.printable(r)));
                }
            }
            return ExitCodes.OK;
        }
    }
}
