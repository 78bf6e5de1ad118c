package io.benchline.reports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One CSV table as RFC 4180 writes it: a header row, CRLF line ends, a field quoted when it holds a comma,
 * a quote, CR or LF (quotes doubled). Empty for null and for undefined numbers; readings in full precision.
 */
final class CsvWriter implements Closeable {
    private final Writer out;

    CsvWriter(Path file, String... header) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        row((Object[]) header);
    }

    void row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : d.toString();
        }
        String s = o instanceof Instant t ? t.toString() : o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** A fraction or statistic rounded for a spreadsheet, 6 significant digits. */
    static String rounded(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : String.format(Locale.ROOT, "%.6g", d);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
