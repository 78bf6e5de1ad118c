package io.benchline.station.cli;

import io.benchline.station.InputError;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "plan",
        description = "Work with test plans.",
        mixinStandardHelpOptions = true,
        subcommands = PlanCommand.Check.class)
final class PlanCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(
            name = "check",
            description = "Validate a plan; errors name file:line:column.",
            mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The plan (YAML).")
        Path file;

        @Option(names = "--json", description = "Print one JSON object: ok, and the plan or the error.")
        boolean json;

        record CheckJson(
                String file,
                boolean ok,
                String error,
                String plan,
                String version,
                String product,
                List<String> steps,
                String sha256) {}

        @Override
        public Integer call() {
            if (json) {
                return json();
            }
            Plan plan = PlanLoader.load(file);
            System.out.printf(
                    "%s: OK — plan %s version %s for %s, %d steps (%s), sha256 %s%n",
                    file,
                    plan.name(),
                    plan.version(),
                    plan.productLabel(),
                    plan.steps().size(),
                    String.join(", ", plan.steps().stream().map(Step::name).toList()),
                    plan.sha256());
            return ExitCodes.OK;
        }

        private int json() {
            try {
                Plan plan = PlanLoader.load(file);
                JsonOut.print(
                        System.out,
                        new CheckJson(
                                file.toString(),
                                true,
                                null,
                                plan.name(),
                                plan.version(),
                                plan.productLabel(),
                                plan.steps().stream().map(Step::name).toList(),
                                plan.sha256()));
                return ExitCodes.OK;
            } catch (InputError e) {
                JsonOut.print(
                        System.out,
                        new CheckJson(file.toString(), false, e.getMessage(), null, null, null, null, null));
                return ExitCodes.USAGE;
            }
        }
    }
}
