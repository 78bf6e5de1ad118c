package io.benchline.station.golden;

import io.benchline.db.GoldenCheckRecord;
import io.benchline.db.GoldenFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A golden check's figures and verdict as text for a terminal, one measurement a line. */
public final class GoldenTable {
    private GoldenTable() {}

    public static List<String> lines(GoldenResult result) {
        GoldenCheckRecord c = result.check();
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT,
                "%-18s %-4s %3s %12s %11s %8s  %-12s %-25s %s",
                "measurement",
                "unit",
                "n",
                "mean",
                "sigma",
                "%tol",
                "rating",
                "limits",
                "guard-banded (k=" + num(c.guardK()) + ")"));
        for (GoldenFigure f : c.figures()) {
            out.add(String.format(
                    Locale.ROOT,
                    "%-18s %-4s %3d %12.6f %11.3e %8s  %-12s %-25s %s",
                    f.name(),
                    f.unit(),
                    f.n(),
                    f.mean(),
                    f.sigma(),
                    f.tolerancePct() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.tolerancePct()),
                    f.n() < 2 ? "too few" : f.rating() == null ? "one-sided" : f.rating(),
                    "[" + num(f.low()) + " .. " + num(f.high()) + "]",
                    f.n() < 2
                            ? "-"
                            : f.guardLow() == null && f.guardHigh() == null && f.low() != null && f.high() != null
                                    ? "no room"
                                    : "[" + num(f.guardLow()) + " .. " + num(f.guardHigh()) + "]"));
        }
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "golden check %s: %s, %d of %d runs, station %s, plan %s v%s, fixture %s (check %d stored)",
                c.verdict(),
                c.serial(),
                c.runsDone(),
                c.repeat(),
                c.station(),
                c.planName(),
                c.planVersion(),
                c.fixture(),
                result.checkId()));
        if (c.reason() != null) {
            out.add("  reason: " + c.reason());
        }
        return out;
    }

    private static String num(Double v) {
        if (v == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }
}
