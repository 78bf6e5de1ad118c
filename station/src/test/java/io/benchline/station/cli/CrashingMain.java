package io.benchline.station.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** The real command line with one more command that fails as a bug would: for the crash path, run as a process. */
public final class CrashingMain {
    private CrashingMain() {}

    @CommandLine.Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an invariant broke");
        }
    }

    public static void main(String[] args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("crash", new Crash());
        System.exit(cl.execute(args));
    }
}
