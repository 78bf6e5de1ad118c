package io.benchline.station.cli;

import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.plan.Step;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "plan", description = "Work with test plans.", mixinStandardHelpOptions = true,
        subcommands = PlanCommand.Check.class)
final class PlanCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "check", description = "Validate a plan; errors name file:line:column.", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The plan (YAML).")
        Path file;

        @Override
        public Integer call() {
            Plan plan = PlanLoader.load(file);
            System.out.printf("%s: OK — plan %s version %s for %s, %d steps (%s), sha256 %s%n", file, plan.name(),
                    plan.version(), plan.productLabel(), plan.steps().size(),
                    String.join(", ", plan.steps().stream().map(Step::name).toList()), plan.sha256());
            return ExitCodes.OK;
        }
    }
}
