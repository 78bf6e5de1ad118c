package io.benchline.station.cli;

import io.benchline.db.DatabaseException;
import io.benchline.fixtures.BoardFault;
import io.benchline.fixtures.FixtureFault;
import io.benchline.station.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "benchline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Production test station for microcontroller boards.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            GoldenCommand.class,
            TraceCommand.class,
            PlanCommand.class,
            ProbeCommand.class,
            ImageCommand.class,
            InstrumentCommand.class,
            DmmCommand.class,
            DoctorCommand.class,
            SimCommand.class,
            BenchCommand.class,
            StationCommand.class,
            ReportCommand.class,
            CentralCommand.class,
            SyncCommand.class,
            LineCommand.class,
            BoardCommand.class,
            CalibrationCommand.class,
            UsersCommand.class,
            CfxCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return (args.length > 0 && args[0].equals("run")
                        ? configure(new CommandLine(new HeadlessRun()))
                        : commandLine())
                .execute(args);
    }

    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * `benchline run` alone: a line controller starts it once per board, and building picocli's
     * model of every other command (their classes, options and converters) took about 50 ms of
     * its 0.6 s start. Same name, options, help and exit codes as the full command line.
     */
    @Command(
            name = "benchline",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            subcommands = RunCommand.class)
    static final class HeadlessRun {}

    private static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof InputError) {
            cl.getErr().println("error: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        if (ex instanceof FixtureFault) {
            cl.getErr().println("station error: " + ex.getMessage());
            return ExitCodes.ERROR;
        }
        if (ex instanceof DatabaseException) {
            cl.getErr().println("station error: " + ex.getMessage());
            return ExitCodes.ERROR;
        }
        if (ex instanceof BoardFault) {
            cl.getErr().println("board fail: " + ex.getMessage());
            return ExitCodes.FAIL;
        }
        return crashed(ex, cl);
    }

    /** Our own bug or a failure nobody foresaw: the station could not tell (3), never "the board is bad" (1). */
    private static int crashed(Exception ex, CommandLine cl) {
        String command = cl.getCommandSpec().qualifiedName();
        String where = CrashLog.write(command, ex)
                .map(p -> "stack trace in " + p)
                .orElse("the log " + CrashLog.path() + " could not be written");
        StackTraceElement[] at = ex.getStackTrace();
        String origin = at.length == 0 ? "" : " at " + at[0].getClassName() + "." + at[0].getMethodName();
        cl.getErr()
                .println("station error: " + command + " failed: "
                        + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null
                                ? ""
                                : ": " + ex.getMessage().lines().findFirst().orElse("")) + origin
                        + " (" + where + ")");
        return ExitCodes.ERROR;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
