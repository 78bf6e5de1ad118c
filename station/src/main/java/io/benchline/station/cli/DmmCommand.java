package io.benchline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchline.fixtures.instrument.Dmm;
import io.benchline.fixtures.instrument.DmmFunction;
import io.benchline.fixtures.instrument.DmmSettings;
import io.benchline.fixtures.instrument.Instruments;
import io.benchline.fixtures.instrument.ScpiDmm;
import io.benchline.station.InputError;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "dmm",
        mixinStandardHelpOptions = true,
        description = "Read a bench DMM by hand (fixture bring-up).",
        subcommands = DmmCommand.Read.class)
final class DmmCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(
            name = "read",
            mixinStandardHelpOptions = true,
            description = {
                "Identify the meter, set it up and print its reading(s) in SI units.",
                "Dialects: hp34401a, keysight-34461a, rigol-dm3058, siglent-sdm3045x, owon-xdm, gw-gdm8341, auto."
            })
    static final class Read implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Mixin
        LinkOptions link;

        @Option(
                names = "--dialect",
                required = true,
                paramLabel = "D",
                description = "The meter's dialect, or auto (from *IDN?).")
        String dialect;

        @Option(
                names = "--function",
                defaultValue = "vdc",
                paramLabel = "F",
                description = "vdc or idc (default: ${DEFAULT-VALUE}).")
        String function;

        @Option(
                names = "--samples",
                defaultValue = "1",
                paramLabel = "N",
                description = "Readings to take (default: ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--range", paramLabel = "R", description = "Fixed range in V or A (default: autorange).")
        Double range;

        @Option(
                names = "--speed",
                defaultValue = "medium",
                paramLabel = "S",
                description = "fast, medium or slow integration (default: ${DEFAULT-VALUE}).")
        String speed;

        @Option(
                names = "--json",
                description = "Print one JSON object: value (mean, SI units), unit, idn, dialect, samples.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DmmFunction fn = switch (function.toLowerCase(Locale.ROOT)) {
                case "vdc" -> DmmFunction.DC_VOLTS;
                case "idc" -> DmmFunction.DC_CURRENT;
                default -> throw new InputError("--function '" + function + "': use vdc or idc");
            };
            if (samples < 1) {
                throw new InputError("--samples " + samples + ": must be at least 1");
            }
            DmmSettings settings = Cli.inputs(() -> new DmmSettings(range, DmmSettings.Speed.valueOf(speedName())));
            try (Dmm dmm = Cli.inputs(() -> Instruments.openDmm(link.spec("scpi", dialect)))) {
                dmm.configure(settings);
                double[] values = dmm.read(fn, samples);
                double mean = Arrays.stream(values).average().orElseThrow();
                String dialectId = dmm instanceof ScpiDmm s ? s.dialect().id() : dialect;
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode o = mapper.createObjectNode();
                    o.put("value", mean);
                    o.put("unit", fn.unit());
                    o.put("idn", dmm.identity());
                    o.put("dialect", dialectId);
                    o.put("port", link.port);
                    Arrays.stream(values).forEach(o.putArray("samples")::add);
                    out().println(mapper.writeValueAsString(o));
                } else {
                    for (double v : values) {
                        out().printf(Locale.ROOT, "%.8g %s%n", v, fn.unit());
                    }
                    if (samples > 1) {
                        double min = Arrays.stream(values).min().orElseThrow();
                        double max = Arrays.stream(values).max().orElseThrow();
                        out().printf(
                                        Locale.ROOT,
                                        "mean %.8g %s, spread %.3g %s (%s, %s)%n",
                                        mean,
                                        fn.unit(),
                                        max - min,
                                        fn.unit(),
                                        dialectId,
                                        dmm.identity());
                    }
                }
            }
            return ExitCodes.OK;
        }

        private String speedName() {
            String s = speed.toUpperCase(Locale.ROOT);
            if (!s.equals("FAST") && !s.equals("MEDIUM") && !s.equals("SLOW")) {
                throw new InputError("--speed '" + speed + "': use fast, medium or slow");
            }
            return s;
        }
    }
}
