package io.benchline.station.benchmark;

import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.ReportJson;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/** Times a batch report as {@code report --json} builds it, warm, then its HTML once: the report benchmarks' core. */
public final class ReportTiming {
    private ReportTiming() {}

    /**
     * Prints min, median and max of repeat warm reports of the batch, then the HTML rendering.
     * what names the report in the line ({@code report}, {@code central report}), where the server
     * when it is not the station's own H2 (or null).
     */
    public static void measure(
            BatchReports queries, String batch, int repeat, String what, String where, PrintStream out) {
        for (int i = 0; i < 3; i++) {
            ReportJson.render(queries.report(batch).orElseThrow());
        }
        double[] ms = new double[repeat];
        BatchReport last = null;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            last = queries.report(batch).orElseThrow();
            ReportJson.render(last);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        out.printf(
                Locale.ROOT,
                "%s --json of batch %s: %d boards, %d runs, %d measurements tallied: "
                        + "min %.0f ms, median %.0f ms, max %.0f ms (%d warm runs%s)%n",
                what,
                batch,
                last.yield().boards(),
                last.yield().runs(),
                last.measurements().stream().mapToLong(m -> m.n()).sum(),
                ms[0],
                ms[repeat / 2],
                ms[repeat - 1],
                repeat,
                where == null ? "" : ", " + where);
        long h0 = System.nanoTime();
        String html = ReportHtml.render(last);
        out.printf(
                Locale.ROOT,
                "HTML rendering with %d SVG charts: %.0f ms, %d KiB%n",
                html.split("<svg", -1).length - 1,
                (System.nanoTime() - h0) / 1e6,
                html.length() / 1024);
    }
}
