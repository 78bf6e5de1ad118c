package io.benchline.reports;

import java.util.Locale;

/**
 * The batch report as CSV for a spreadsheet: one row per measurement (n, mean, sigma, min, max,
 * Cpk, limits), after a header block with the yield figures and the failure Pareto. Sections are
 * separated by a blank line; every section has its own header row.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String render(BatchReport r) {
        YieldReport y = r.yield();
        StringBuilder sb = new StringBuilder();
        sb.append("batch,product,boards,runs,first_pass_yield,final_yield,retest_rate,error_runs,aborted_runs,boards_per_hour\n");
        row(sb, r.batch(), r.product(), y.boards(), y.runs(), y.firstPassYield(), y.finalYield(), y.retestRate(),
                y.errorRuns(), y.abortedRuns(), y.boardsPerHour());
        sb.append("\nstep,measurement,fail_runs,hint\n");
        for (FailureCount f : y.failures()) {
            row(sb, f.step(), f.measurement(), f.runs(), f.hint());
        }
        sb.append("\nmeasurement,unit,low,high,n,mean,sigma,min,max,cpk\n");
        for (MeasurementStats s : r.measurements()) {
            row(sb, s.name(), s.unit(), s.low(), s.high(), s.n(), s.mean(), s.sigma(), s.min(), s.max(), s.cpk());
        }
        sb.append("\nhour,runs,boards_tested,passed_first,first_pass_yield,station_problems\n");
        for (HourBucket h : y.hours()) {
            row(sb, h.hour(), h.runs(), h.boardsTested(), h.passedFirst(), h.firstPassYield(), h.stationProblems());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append('\n');
    }

    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : String.format(Locale.ROOT, "%.6g", d);
        }
        String s = o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
