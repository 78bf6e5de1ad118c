package io.benchline.station.benchmark;

import io.benchline.db.BulkLoad;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Benchmark data: batches of boards shaped like the F411 plan's runs (10 steps, 25 measurements
 * each), with Gaussian noise and the plan's kinds of limits. 4 % of boards fail at VDD (0.5 V) and
 * pass a retest, 1 % hit a station ERROR at swd-connect and pass a retest. Written through the
 * database's {@link BulkLoad}, which makes the rows and tallies the store would have made.
 */
final class BulkBoards {
    private static final String PRODUCT = "STM32F411 sensor board rev B";
    private static final String FAIL_HINT = "VDD (3V3 at the MCU) out of range: check the 3.3 V regulator output";
    private static final String ERROR_HINT =
            "station problem, not the board: check the named instrument or probe, then retest";
    private static final String[] STEPS = {
        "power-on", "VDD", "VDDA", "VCAP1", "NRST", "swd-connect", "program", "read-uid", "boot-check", "teardown"
    };
    private static final String[] KINDS = {
        "power",
        "measure",
        "measure",
        "measure",
        "measure",
        "swd-connect",
        "program",
        "read-uid",
        "boot-check",
        "teardown"
    };

    /** One measurement of the bulk plan: its step, nominal value, noise and limits. */
    private record Spec(int step, String name, String unit, double nominal, double sigma, Double low, Double high) {}

    private static final List<Spec> SPECS = List.of(
            new Spec(0, "power-on current", "A", 0.012, 0.0008, 0.005, 0.080),
            new Spec(0, "power-on inrush", "A", 0.150, 0.01, null, 0.200),
            new Spec(1, "VDD", "V", 3.300, 0.012, 3.135, 3.465),
            new Spec(1, "VDD spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(1, "VDD ripple", "V", 0.010, 0.002, null, 0.05),
            new Spec(2, "VDDA", "V", 3.298, 0.012, 3.135, 3.465),
            new Spec(2, "VDDA spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(2, "VDDA - VDD", "V", 0.002, 0.004, -0.3, 0.3),
            new Spec(3, "VCAP1", "V", 1.255, 0.010, 1.08, 1.38),
            new Spec(3, "VCAP1 spread", "V", 0.006, 0.001, null, 0.05),
            new Spec(4, "NRST", "V", 3.280, 0.015, 2.31, 3.6),
            new Spec(4, "NRST spread", "V", 0.005, 0.001, null, 0.3),
            new Spec(4, "NRST low pulse", "ms", 20.0, 1.0, 10.0, 40.0),
            new Spec(5, "target voltage", "V", 3.29, 0.012, 2.7, 3.6),
            new Spec(5, "flash size", "KiB", 512, 0, 512.0, null),
            new Spec(5, "RDP level", "", 0, 0, null, 0.0),
            new Spec(5, "SWD clock", "kHz", 4000, 0, 1000.0, null),
            new Spec(6, "bytes programmed", "B", 388, 0, null, null),
            new Spec(6, "verify mismatches", "B", 0, 0, null, 0.0),
            new Spec(6, "program time", "ms", 850, 25, null, 2000.0),
            new Spec(6, "erase time", "ms", 420, 20, null, 1000.0),
            new Spec(7, "UID reads", "", 1, 0, 1.0, 1.0),
            new Spec(8, "boot time", "ms", 120, 8, null, 500.0),
            new Spec(8, "banner lines", "", 1, 0, 1.0, null),
            new Spec(9, "idle current off", "A", 0.0001, 0.00002, null, 0.001));

    /** One generated run: what the store is told when it starts, its steps, and how it ended. */
    record Run(RunStart start, Instant startedAt, List<StepRecord> steps, RunEnd end, Instant endedAt) {}

    private final Consumer<Run> sink;
    private final Random random;
    private final String station;
    private Instant clock = Instant.parse("2026-01-05T06:00:00Z");

    BulkBoards(BulkLoad load) {
        this(r -> load.run(r.start(), r.startedAt(), r.steps(), r.end(), r.endedAt()), "bench-1", 42);
    }

    /** Runs handed to sink as they are generated, for the station named, with its own seed. */
    BulkBoards(Consumer<Run> sink, String station, long seed) {
        this.sink = sink;
        this.station = station;
        this.random = new Random(seed);
    }

    /** Adds boards of a batch until exactly runs runs are made (a board's retest may be cut off); returns the boards. */
    int runs(String name, int runs) {
        int made = 0;
        int boards = 0;
        while (made < runs) {
            boards++;
            String serial = String.format("SN-%s-%07d", name, boards);
            int fate = random.nextInt(100);
            if (fate < 5 && made + 1 < runs) {
                run(serial, name, fate < 4 ? Verdict.FAIL : Verdict.ERROR, fate < 4 ? 1 : 5);
                made++;
            }
            run(serial, name, Verdict.PASS, -1);
            made++;
        }
        return boards;
    }

    /** Adds one batch of boards, serials SN-BATCH-0000001 and on. */
    void batch(String name, int boards) {
        for (int i = 1; i <= boards; i++) {
            String serial = String.format("SN-%s-%07d", name, i);
            int fate = random.nextInt(100);
            if (fate < 4) {
                run(serial, name, Verdict.FAIL, 1);
            } else if (fate < 5) {
                run(serial, name, Verdict.ERROR, 5);
            }
            run(serial, name, Verdict.PASS, -1);
        }
    }

    /** One run of a board; badStep is where a FAIL or ERROR stops it (-1: runs to the end). */
    private void run(String serial, String batch, Verdict verdict, int badStep) {
        Instant start = clock;
        clock = clock.plusSeconds(18 + random.nextInt(5));
        int last = badStep < 0 ? STEPS.length - 1 : badStep;
        List<StepRecord> steps = new ArrayList<>(last + 1);
        for (int s = 0; s <= last; s++) {
            boolean bad = s == badStep;
            List<MeasurementRecord> ms = bad && verdict == Verdict.ERROR ? List.of() : measurements(s, bad);
            steps.add(new StepRecord(s + 1, STEPS[s], KINDS[s], start, start, bad ? verdict : Verdict.PASS, null, ms));
        }
        String hint = verdict == Verdict.FAIL ? FAIL_HINT : verdict == Verdict.ERROR ? ERROR_HINT : null;
        sink.accept(new Run(
                new RunStart(
                        serial,
                        batch,
                        PRODUCT,
                        station,
                        "bulk",
                        "sim-f411",
                        "stm32f411-board",
                        "1.0",
                        "8759e12cb0423a7484513d5eaffd569c449d4356fb191028e58f5dc5b15e808e",
                        "3cc232850d08828f72bec1b59ba686401465d17d75f02e296aa9557693817ee5",
                        "bulk"),
                start,
                steps,
                new RunEnd(verdict, badStep < 0 ? null : STEPS[badStep], hint, null),
                clock));
    }

    /** The readings of one step; a bad VDD step reads the under-powered board's 0.52 V. */
    private List<MeasurementRecord> measurements(int step, boolean bad) {
        List<MeasurementRecord> out = new ArrayList<>();
        for (Spec m : SPECS) {
            if (m.step() != step) {
                continue;
            }
            double x = bad && m.name().equals("VDD")
                    ? 0.52 + random.nextGaussian() * 0.01
                    : m.nominal() + random.nextGaussian() * m.sigma();
            boolean pass = (m.low() == null || x >= m.low()) && (m.high() == null || x <= m.high());
            out.add(new MeasurementRecord(
                    m.name(), x, m.unit(), m.low(), m.high(), pass ? Verdict.PASS : Verdict.FAIL));
        }
        return out;
    }
}
