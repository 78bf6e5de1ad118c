package io.benchline.reports;

import java.util.Locale;

/** Escaping, number formats and the page frame shared by the report and trace pages. */
public final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,'DejaVu Sans',Arial,sans-serif;margin:24px;color:#1a1a1a;background:#fff;font-size:15px}
            h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #ddd;padding-bottom:4px}
            h3{font-size:16px;margin:18px 0 4px}
            .sub{color:#555;margin-bottom:16px}
            table{border-collapse:collapse;margin:6px 0 12px} th,td{padding:4px 10px;border-bottom:1px solid #e2e2e2;text-align:left;vertical-align:top}
            th{background:#f3f3f3} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .kpis{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 16px}
            .kpi{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:130px}
            .kpi b{display:block;font-size:26px} .kpi span{color:#555;font-size:13px}
            .PASS{color:#0a6b1f;font-weight:bold} .FAIL{color:#b00020;font-weight:bold} .ERROR,.ABORTED{color:#a15c00;font-weight:bold}
            .OPEN,.SKIPPED{color:#555} tr.bad td{background:#fde7ea} tr.bad td.value{color:#b00020;font-weight:bold}
            .run{border:1px solid #ccc;border-radius:6px;padding:8px 14px;margin:14px 0}
            .run h3{margin-top:4px} .meta{color:#444;font-size:13px;word-break:break-all}
            .chart{margin:6px 0} .chart svg{max-width:100%;height:auto}
            .hist{display:inline-block;width:470px;vertical-align:top;margin:0 12px 12px 0}
            .hist.spc{width:940px}
            code{font-size:12px}
            .MARGINAL{color:#8a5300;background:#ffe8b0;border-radius:3px;padding:0 4px;font-weight:bold;font-size:12px}
            td.marginal{color:#8a5300;font-weight:bold}
            """;

    private Html() {}

    public static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A whole page: one file, its style inline, nothing fetched from anywhere. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>" + STYLE
                + "</style></head><body>\n" + body + "\n</body></html>\n";
    }

    static String percent(double fraction) {
        return YieldText.percent(fraction);
    }

    /** A number with 4 significant digits and its unit, "-" for none. */
    public static String value(Double v, String unit) {
        if (v == null || v.isNaN()) {
            return "-";
        }
        return (String.format(Locale.ROOT, "%.4g", v) + " " + (unit == null ? "" : unit)).trim();
    }

    static String number(Double v, String format) {
        return v == null || v.isNaN() || v.isInfinite() ? "-" : String.format(Locale.ROOT, format, v);
    }
}
