package io.benchline.station.cli;

import io.benchline.db.BatchStation;
import io.benchline.db.BatchSummary;
import io.benchline.db.Database;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.Html;
import io.benchline.reports.MeasurementStats;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.ReportJson;
import io.benchline.reports.YieldText;
import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Yield report of a batch (definitions in docs/yield.md).",
            "Boards tested, first-pass and final yield, retests, station problems, failures by step and",
            "measurement, measurement statistics with Cpk and histograms, boards per hour.",
            "Without --batch: the list of batches. Works while a station holds the database."
        })
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--batch", paramLabel = "B", description = "The batch to report.")
    String batch;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(
            names = "--csv",
            paramLabel = "DIR",
            description = {
                "Also write the report as tidy CSV tables, one per file, "
                        + "into DIR: runs.csv, measurements.csv (one row per reading), summary.csv, failures.csv, "
                        + "measurement_stats.csv, hours.csv.",
                "A path ending in .csv is a prefix instead: x.csv writes x-runs.csv, ..."
            })
    Path csv;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Also write the report as one self-contained HTML file (charts as SVG).")
    Path html;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (Database database = db.open()) {
            BatchReports queries = new BatchReports(database.batches());
            if (batch == null) {
                if (json || csv != null || html != null) {
                    throw new InputError(
                            "--json, --csv and --html need --batch (run 'benchline report' alone for the list)");
                }
                list(queries.batches(), db.location());
                return ExitCodes.OK;
            }
            BatchReport r = queries.report(batch)
                    .orElseThrow(() -> new InputError(
                            "no batch '" + batch + "' in " + db.location() + " (run 'benchline report' for the list)"));
            List<Path> csvFiles = csv == null ? List.of() : writeCsv(queries, r);
            if (html != null) {
                write(html, ReportHtml.render(r));
            }
            if (json) {
                System.out.println(ReportJson.render(r));
            } else {
                YieldText.print(r.yield(), System.out);
                stations(r.stations());
                measurements(r.measurements());
                for (Path f : csvFiles) {
                    System.out.println("  CSV written to " + f);
                }
                if (html != null) {
                    System.out.println("  HTML written to " + html);
                }
            }
            return ExitCodes.OK;
        }
    }

    private static void list(List<BatchSummary> batches, String where) {
        if (batches.isEmpty()) {
            System.out.println("no batches in " + where);
            return;
        }
        System.out.printf("%-32s %-30s %-22s %6s%n", "batch", "product", "created (UTC)", "runs");
        for (BatchSummary b : batches) {
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %-30s %-22s %6d%n",
                    b.name(),
                    b.product(),
                    b.createdAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                    b.runs());
        }
    }

    /** Each station's share of the batch: a board programmed at one station and tested at another counts at both. */
    private static void stations(List<BatchStation> stations) {
        System.out.printf(
                "  %-22s %7s %14s %17s %17s%n",
                "station", "runs", "boards tested", "first-pass yield", "station problems");
        for (BatchStation s : stations) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-22s %7d %14d %17s %17d%n",
                    s.station(),
                    s.runs(),
                    s.boardsTested(),
                    Double.isNaN(s.firstPassYield())
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f %%", 100 * s.firstPassYield()),
                    s.stationProblems());
        }
    }

    private static void measurements(List<MeasurementStats> ms) {
        if (ms.isEmpty()) {
            return;
        }
        System.out.println("  measurements (every judged reading, retests included; Cpk for continuous readings only,");
        System.out.println("  without boards that failed power-on or a rail check: docs/yield.md):");
        System.out.printf(
                "    %-22s %7s %12s %12s %12s %12s %8s %7s %8s%n",
                "name", "n", "mean", "sigma", "min", "max", "Cpk n", "Cpk", "marginal");
        for (MeasurementStats s : ms) {
            System.out.printf(
                    Locale.ROOT,
                    "    %-22s %7d %12s %12s %12s %12s %8s %7s %8d%n",
                    s.name(),
                    s.n(),
                    Html.value(s.mean(), s.unit()),
                    Html.value(s.sigma(), s.unit()),
                    Html.value(s.min(), s.unit()),
                    Html.value(s.max(), s.unit()),
                    s.continuous() ? String.valueOf(s.cpkN()) : "-",
                    !s.continuous() ? "discr." : s.cpk() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.cpk()),
                    s.marginal());
        }
    }

    private List<Path> writeCsv(BatchReports queries, BatchReport r) {
        String name = csv.getFileName() == null ? "" : csv.getFileName().toString();
        boolean prefix = name.endsWith(".csv");
        Path dir = prefix ? csv.toAbsolutePath().getParent() : csv;
        try {
            return queries.writeCsv(r, dir, prefix ? name.substring(0, name.length() - 4) + "-" : "");
        } catch (IOException e) {
            throw new InputError("cannot write CSV into " + dir + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
