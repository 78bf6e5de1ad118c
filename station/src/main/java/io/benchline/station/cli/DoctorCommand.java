package io.benchline.station.cli;

import io.benchline.db.InstrumentIdentity;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.instrument.Dmm;
import io.benchline.fixtures.instrument.InstrumentSpec;
import io.benchline.fixtures.instrument.Instruments;
import io.benchline.fixtures.instrument.Jig;
import io.benchline.fixtures.instrument.Supply;
import io.benchline.fixtures.instrument.Switch;
import io.benchline.fixtures.registry.Probes;
import io.benchline.fixtures.sim.SimDmm;
import io.benchline.fixtures.sim.SimSupply;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.fixtures.swd.stlink.UsbStlink;
import io.benchline.station.InputError;
import io.benchline.station.calibration.CalibrationStatus;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureInstrument;
import io.benchline.station.fixture.FixtureLoader;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Open each instrument of a fixture, identify it, and say what to fix.",
            "Exit 0: all OK; 3: an instrument has a problem (or is past its calibration due date); 2: the fixture"
                    + " file itself is wrong."
        })
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Option(names = "--fixture", required = true, paramLabel = "F", description = "The fixture file.")
    String fixture;

    @Option(names = "--json", description = "Print one JSON object: the fixture, ok, and a row per role.")
    boolean json;

    record DoctorJson(String fixture, boolean ok, List<Row> roles) {}

    record Row(String role, String instrument, String port, boolean ok, String detail, Calibration calibration) {
        Row(String role, String instrument, String port, boolean ok, String detail) {
            this(role, instrument, port, ok, detail, null);
        }

        Row with(Calibration c) {
            return new Row(role, instrument, port, ok, detail, c);
        }
    }

    /**
     * Who the instrument said it is and its calibration: state OK, WARN, EXPIRED or NONE (no date);
     * days_left negative once expired.
     */
    record Calibration(
            String make,
            String model,
            String serial,
            String firmware,
            String due,
            Long daysLeft,
            String state,
            String certificate,
            String text) {}

    @Override
    public Integer call() {
        FixtureFile f = FixtureLoader.load(Home.resolve(fixture));
        List<Row> rows = new ArrayList<>();
        if (f.positions().isEmpty()) {
            rows.add(calibrated(f, "supply", check("supply", f.supply(), DoctorCommand::supplyIdentity)));
        } else {
            for (FixtureFile.Position p : f.positions()) {
                String role = "supply@" + p.number();
                rows.add(calibrated(f, role, check(role, p.supply(), DoctorCommand::supplyIdentity)));
            }
        }
        rows.add(calibrated(f, "dmm", check("dmm", f.dmm(), spec -> {
            try (Dmm d = Instruments.openDmm(spec)) {
                return d.identity();
            }
        })));
        rows.add(check("switch", f.switchSpec(), spec -> {
            try (Switch s = Instruments.openSwitch(spec)) {
                if ("jig".equalsIgnoreCase(spec.kind())) {
                    try (Jig j = Instruments.openJig(spec)) {
                        return j.identity() + (j.lidClosed() ? "; lid closed" : "; lid OPEN (close it before a run)");
                    }
                }
                return "switch answers";
            }
        }));
        rows.set(rows.size() - 1, calibrated(f, "switch", rows.get(rows.size() - 1)));
        rows.add(checkProbe(f));
        boolean bad = rows.stream()
                .anyMatch(r -> !r.ok()
                        || (r.calibration() != null
                                && r.calibration().state().equals(CalibrationStatus.State.EXPIRED.name())));
        if (json) {
            JsonOut.print(System.out, new DoctorJson(f.name(), !bad, rows));
        } else {
            print(rows);
        }
        return bad ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private static String supplyIdentity(InstrumentSpec spec) {
        try (Supply s = Instruments.openSupply(spec)) {
            return s.identity();
        }
    }

    /**
     * The row with the instrument's identity (from the *IDN? reply its detail starts with) and its
     * calibration due date, days left or EXPIRED; unchanged for an instrument that did not answer.
     */
    private static Row calibrated(FixtureFile f, String role, Row row) {
        if (!row.ok()) {
            return row;
        }
        String idn = row.detail().equals("simulated")
                ? simulatedIdentity(role)
                : row.detail().split(";")[0];
        if (idn.isEmpty() || idn.equals("switch answers")) {
            return row;
        }
        FixtureInstrument i = FixtureInstrument.of(role, idn, f.calibration().entry(role));
        CalibrationStatus s = CalibrationStatus.of(i, f.calibration().warnDays(), LocalDate.now());
        InstrumentIdentity id = i.identity();
        String text = id.label() + ": " + s.when()
                + s.certificate().map(c -> ", certificate " + c).orElse("")
                + i.swapped().map(w -> "; " + w).orElse("")
                + (s.state() == CalibrationStatus.State.EXPIRED
                        ? " -> fix: have it calibrated and update calibration-due, or an engineer overrides it"
                                + " (benchline calibration override --instrument " + role + ")"
                        : "");
        return row.with(new Calibration(
                id.make(),
                id.model(),
                id.serial(),
                id.firmware(),
                s.due().map(LocalDate::toString).orElse(null),
                s.due().isPresent() ? s.daysLeft() : null,
                s.state().name(),
                s.certificate().orElse(null),
                text));
    }

    /** The identity the in-process simulated instruments give (no hardware opened). */
    private static String simulatedIdentity(String role) {
        int unit = role.contains("@") ? Integer.parseInt(role.substring(role.indexOf('@') + 1)) : 1;
        return switch (role.replaceAll("@.*", "")) {
            case "supply" -> new SimSupply(null, unit).identity();
            case "dmm" -> new SimDmm(null).identity();
            default -> "";
        };
    }

    /** Attaches the probe once, reads what it sees of the target, and lets go. */
    private static Row checkProbe(FixtureFile f) {
        String uri = f.probe();
        if (uri.equals("sim") || uri.startsWith("sim:")) {
            return new Row("probe", uri, "(in-process)", true, "simulated");
        }
        if (uri.equals("qemu") || uri.startsWith("qemu:")) {
            return new Row("probe", uri, "", true, "QEMU is started for each run");
        }
        String udev = uri.startsWith("stlink") && !uri.startsWith("stlink-tcp")
                ? UsbStlink.udevRuleProblem().map(p -> "; " + p).orElse("")
                : "";
        try (DebugProbe probe = Probes.open(uri, null)) {
            try {
                probe.connect(false);
            } catch (FixtureFault e) {
                // the probe answered; the target is normally unpowered outside a run, and doctor never powers a board
                return new Row(
                        "probe",
                        uri,
                        "",
                        true,
                        probe.name() + " answers; no target now (DUT power is off outside a run): " + e.getMessage()
                                + udev);
            }
            double volts = probe.targetVoltage();
            String seen = String.format(
                    Locale.ROOT,
                    "%s; DP IDCODE 0x%08X%s",
                    probe.name(),
                    probe.dpIdcode(),
                    Double.isNaN(volts) ? "" : String.format(Locale.ROOT, "; target %.2f V", volts));
            return new Row("probe", uri, "", true, seen + udev);
        } catch (IllegalArgumentException e) {
            throw new InputError("fixture " + f.source() + ": probe: " + e.getMessage());
        } catch (FixtureFault e) {
            return new Row("probe", uri, "", false, e.getMessage() + udev);
        }
    }

    private interface Probe {
        String identify(InstrumentSpec spec);
    }

    private Row check(String role, InstrumentSpec spec, Probe probe) {
        String what = spec.kind() + (spec.dialect() != null ? " " + spec.dialect() : "");
        String port = spec.port() == null ? "" : spec.port();
        if ("sim".equalsIgnoreCase(spec.kind())) {
            return new Row(role, what, "(in-process)", true, "simulated");
        }
        try {
            return new Row(role, what, port, true, probe.identify(spec));
        } catch (IllegalArgumentException e) {
            throw new InputError("fixture " + fixture + ": " + role + ": " + e.getMessage());
        } catch (FixtureFault e) {
            return new Row(role, what, port, false, advice(e.getMessage()));
        }
    }

    /** The fault and what a technician does about it. */
    static String advice(String fault) {
        String m = fault.toLowerCase(Locale.ROOT);
        String fix;
        if (m.contains("does not exist")) {
            fix = "plug the instrument in, or correct 'port' to one of the ports present";
        } else if (m.contains("permission denied")) {
            fix = "add the station user to the dialout group (sudo usermod -aG dialout $USER) and log in again";
        } else if (m.contains("expects")
                || m.contains("no meter benchline knows")
                || m.contains("a benchline jig answers")) {
            fix = "a different instrument answers on this port: swap the cables, or correct 'dialect' in the fixture";
        } else if (m.contains("no reply") || m.contains("partial reply")) {
            fix =
                    "check power, the cable (null-modem for RS-232 meters), baud rate, stop bits and line end ('eol'), and that the instrument's remote interface is RS-232/USB as wired";
        } else if (m.contains("unreadable")) {
            fix = "garbled replies usually mean a wrong baud rate, parity or data bits";
        } else if (m.contains("cannot connect")) {
            fix = "check the LAN address and that the instrument's socket server is enabled";
        } else if (m.contains("error")) {
            fix = "the instrument rejected a setting: check its firmware and the dialect";
        } else {
            fix = "see the message";
        }
        return fault + " -> fix: " + fix;
    }

    private void print(List<Row> rows) {
        String fmt = "%-7s %-26s %-34s %-8s %s%n";
        out().printf(fmt, "ROLE", "INSTRUMENT", "PORT", "STATUS", "DETAIL");
        for (Row r : rows) {
            out().printf(fmt, r.role(), r.instrument(), r.port(), r.ok() ? "OK" : "PROBLEM", r.detail());
            if (r.calibration() != null) {
                out().printf("%-7s %s%n", "", r.calibration().text());
            }
        }
    }
}
