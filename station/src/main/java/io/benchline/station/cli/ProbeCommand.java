package io.benchline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.fixtures.BoardFault;
import io.benchline.fixtures.chip.ChipIdentity;
import io.benchline.fixtures.chip.Stm32f4Target;
import io.benchline.fixtures.flashing.Flasher;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.image.ImageException;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.fixtures.swd.FlashProgress;
import io.benchline.fixtures.swd.VerifyReport;
import io.benchline.fixtures.swd.stlink.StlinkProbe;
import io.benchline.fixtures.swd.stlink.UsbStlink;
import io.benchline.station.InputError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "probe",
        description = "Debug probes: list, identify the target, flash an image.",
        mixinStandardHelpOptions = true,
        subcommands = {ProbeCommand.ListProbes.class, ProbeCommand.Info.class, ProbeCommand.Flash.class})
final class ProbeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            description = "ST-LINK probes on USB, and whether this account may open them.",
            mixinStandardHelpOptions = true)
    static final class ListProbes implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON array.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<UsbStlink.Found> found = UsbStlink.list();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (UsbStlink.Found f : found) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("probe", f.model().label());
                    m.put("pid", String.format("0x%04X", f.model().pid()));
                    m.put("serial", f.serial());
                    m.put("uri", "stlink://" + f.serial());
                    m.put("location", f.location());
                    m.put("openable", f.openable());
                    m.put("problem", f.problem());
                    rows.add(m);
                }
                out.println(new ObjectMapper().writeValueAsString(rows));
                out.flush();
                return ExitCodes.OK;
            }
            if (found.isEmpty()) {
                out.println("no ST-LINK found on USB");
            }
            for (UsbStlink.Found f : found) {
                out.printf(
                        "%-30s stlink://%-26s %s%s%n",
                        f.model().label(), f.serial(), f.location(), f.openable() ? "" : "  PROBLEM: " + f.problem());
            }
            UsbStlink.udevRuleProblem().ifPresent(p -> out.println("note: " + p));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "info",
            description = "Connect and identify the target: voltage, IDCODE, part, flash, UID, read protection.",
            mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ProbeOption probeOption;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (DebugProbe probe = probeOption.connect()) {
                Stm32f4Target target = new Stm32f4Target(probe);
                double volts = probe.targetVoltage();
                ChipIdentity id = target.identify();
                String uid = target.readUid();
                Integer rdp = null;
                String problem = null;
                try {
                    rdp = target.rdpLevel();
                } catch (BoardFault e) {
                    problem = e.getMessage();
                }
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("probe", probe.name());
                    o.put("target_voltage", Double.isNaN(volts) ? null : Math.round(volts * 1000) / 1000.0);
                    o.put("dp_idcode", String.format("0x%08X", id.dpIdcode()));
                    o.put("dev_id", String.format("0x%03X", id.devId()));
                    o.put("rev_id", String.format("0x%04X", id.revId()));
                    o.put("part", id.part());
                    o.put("revision", id.revision());
                    o.put("flash_kib", id.flashKib());
                    o.put("uid", uid);
                    o.put("rdp_level", rdp);
                    if (problem != null) {
                        o.put("problem", problem);
                    }
                    out.println(new ObjectMapper().writeValueAsString(o));
                } else {
                    out.printf(
                            "probe           %s%s%n",
                            probe.name(), probe instanceof StlinkProbe s ? ", firmware " + s.version() : "");
                    out.printf(
                            "target voltage  %s%n",
                            Double.isNaN(volts) ? "not measured by this probe" : String.format("%.2f V", volts));
                    out.printf("DP IDCODE       0x%08X%n", id.dpIdcode());
                    out.printf("part            %s%n", id.summary());
                    out.printf("unique ID       %s%n", uid);
                    out.printf("read protection %s%n", rdp != null ? "level " + rdp : problem);
                }
                out.flush();
                if (problem != null) {
                    spec.commandLine().getErr().println("board fail: " + problem);
                    return ExitCodes.FAIL;
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "flash",
            description =
                    "Erase, program and optionally verify an image (register-level flash algorithm, or the GDB server's).",
            mixinStandardHelpOptions = true)
    static final class Flash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ProbeOption probeOption;

        @Mixin
        ImageArgs imageArgs;

        @Option(names = "--verify", description = "Read the flash back and compare with the image.")
        boolean verify;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FirmwareImage image = imageArgs.read();
            boolean terminal = System.console() != null;
            ProgressBar bar = new ProgressBar(out);
            FlashProgress progress = terminal ? bar : FlashProgress.NONE;
            long start = System.nanoTime();
            try (DebugProbe probe = probeOption.connect()) {
                double volts = probe.targetVoltage();
                String at = Double.isNaN(volts) ? "unknown voltage" : String.format("%.2f V", volts);
                Flasher flasher = Flasher.forProbe(probe, volts);
                out.printf("target: %s at %s%n", flasher.target(), at);
                out.flush();
                try {
                    flasher.program(image, progress);
                } catch (ImageException e) {
                    throw new InputError(e.getMessage());
                }
                VerifyReport report = verify ? flasher.verify(image, progress) : null;
                bar.finish();
                if (report != null && !report.ok()) {
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "board fail: verify failed: %d of %d bytes differ, the first at 0x%08X%n",
                                    report.mismatches(), report.bytesCompared(), report.firstMismatchAddress());
                    return ExitCodes.FAIL;
                }
                flasher.resetAndRun();
                out.printf(
                        "%s %d bytes of %s (sha256 %s) in %.2f s%n",
                        report != null ? "wrote and verified" : "wrote",
                        image.size(),
                        image.name(),
                        image.sha256(),
                        (System.nanoTime() - start) / 1e9);
                out.flush();
                return ExitCodes.OK;
            } finally {
                out.flush();
            }
        }
    }
}
