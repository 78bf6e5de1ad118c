package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's tallies, and the V2 migration's SQL that counts older readings, bin readings alike. */
class TallyTest {
    @TempDir
    Path dir;

    /** Where a test's database named so lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    /** A marginal pass is stored with its reading and counted in its tally row, also for a run closed at recovery. */
    @Test
    void marginalPassesAreStoredAndCounted() {
        try (Database db = Database.open(location("m"))) {
            Instant t = Instant.parse("2026-11-27T08:00:00Z");
            for (int i = 0; i < 6; i++) {
                long run = db.store().begin(Samples.start("SN-M-" + i, "LOT-M"), t);
                boolean marginal = i % 2 == 0;
                MeasurementRecord vcap =
                        new MeasurementRecord("VCAP1", marginal ? 1.17 : 1.26, "V", 1.08, 1.38, Verdict.PASS, marginal);
                db.store().step(run, new StepRecord(1, "VCAP1", "measure", t, t, Verdict.PASS, null, List.of(vcap)));
                if (i == 4) {
                    continue; // left open: closed at the next start, its readings read back from the database
                }
                db.store()
                        .finish(
                                run,
                                new StepRecord(2, "teardown", "teardown", t, t, Verdict.PASS, null, List.of()),
                                new RunEnd(Verdict.PASS, null, null, null),
                                t);
            }
            assertEquals(1, db.recoverInterruptedRuns("bench-1"));
            long stored = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM measurement WHERE marginal")
                            .mapTo(Long.class)
                            .one());
            long counted = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT SUM(marginal) FROM measurement_tally")
                            .mapTo(Long.class)
                            .one());
            assertEquals(3, stored);
            assertEquals(3, counted);
            assertEquals(
                    List.of(true, false, true, false, true, false),
                    java.util.stream.IntStream.range(0, 6)
                            .mapToObj(i -> db.trace()
                                    .board("SN-M-" + i)
                                    .get(0)
                                    .steps()
                                    .get(0)
                                    .measurements()
                                    .get(0)
                                    .marginal())
                            .toList());
            assertEquals(
                    3,
                    db
                            .batches()
                            .tallies(db.batches().batch("LOT-M").orElseThrow().id())
                            .stream()
                            .mapToLong(MeasurementTally::marginal)
                            .sum());
        }
    }

    @Test
    void storeTalliesMatchTheMigrationsSqlBinning() throws Exception {
        try (Database db = Database.open(location("t"))) {
            Random r = new Random(3);
            Instant t = Instant.parse("2026-11-27T08:00:00Z");
            for (int i = 0; i < 300; i++) {
                long run = db.store().begin(Samples.start("SN-T-" + i, "LOT-T"), t);
                double vdd = i % 50 == 0 ? 0.52 : 3.3 + r.nextGaussian() * 0.05;
                List<MeasurementRecord> ms = List.of(
                        new MeasurementRecord(
                                "VDD",
                                vdd,
                                "V",
                                3.135,
                                3.465,
                                vdd >= 3.135 && vdd <= 3.465 ? Verdict.PASS : Verdict.FAIL),
                        new MeasurementRecord(
                                "VDD spread", Math.abs(r.nextGaussian() * 0.01), "V", null, 0.05, Verdict.PASS),
                        new MeasurementRecord("flash size", 512.0, "KiB", 512.0, null, Verdict.PASS),
                        new MeasurementRecord("bytes programmed", 388.0 + i % 3, "B", null, null, Verdict.PASS),
                        new MeasurementRecord("verify mismatches", 0.0, "B", null, 0.0, Verdict.PASS),
                        new MeasurementRecord("garbage", Double.NaN, "V", 0.0, 1.0, Verdict.ERROR));
                db.store().step(run, new StepRecord(1, "all", "measure", t, t, Verdict.PASS, null, ms));
                if (i % 100 == 99) {
                    continue; // left open, as by a crash: counted when the next start closes it as ABORTED
                }
                db.store()
                        .finish(
                                run,
                                new StepRecord(2, "teardown", "teardown", t, t, Verdict.PASS, null, List.of()),
                                new RunEnd(Verdict.PASS, null, null, null),
                                t);
            }
            long beforeRecovery = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT SUM(n) FROM measurement_tally")
                            .mapTo(Long.class)
                            .one());
            assertEquals(297 * 5, beforeRecovery, "a run's readings are counted when it closes");
            assertEquals(3, db.recoverInterruptedRuns("bench-1"));
            String v2 = Files.readString(Path.of("src/main/resources/db/migration/V2__report_tallies.sql"));
            String select = v2.substring(v2.indexOf("SELECT batch_id, name, unit, limits_key"));
            select = select.substring(0, select.lastIndexOf(';'));
            String finalSelect = select;
            List<String> fromSql = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT name, bin, n FROM (" + finalSelect + ") x")
                            .map((rs, ctx) -> rs.getString(1) + "#" + rs.getInt(2) + "=" + rs.getLong(3))
                            .list());
            List<String> fromStore = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT name, bin, n FROM measurement_tally")
                            .map((rs, ctx) -> rs.getString(1) + "#" + rs.getInt(2) + "=" + rs.getLong(3))
                            .list());
            assertEquals(sorted(fromSql), sorted(fromStore));
            long counted = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT SUM(n) FROM measurement_tally")
                            .mapTo(Long.class)
                            .one());
            assertEquals(300 * 5, counted, "every judged reading once; the ERROR reading not at all");
        }
    }

    private static List<String> sorted(List<String> l) {
        TreeMap<String, String> m = new TreeMap<>();
        l.forEach(s -> m.put(s, s));
        return new ArrayList<>(m.keySet());
    }
}
