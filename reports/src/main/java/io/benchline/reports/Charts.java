package io.benchline.reports;

import io.benchline.reports.spc.ChartPoint;
import io.benchline.reports.spc.ControlChart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Hour;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts, drawn by JFreeChart into SVG elements that embed in one HTML file. */
final class Charts {
    private static final Color BAR = new Color(0x3B6EA8);
    private static final Color LIMIT = new Color(0xC0172B);
    private static final Color VIOLATION = new Color(0xE8710A);
    private static final AtomicInteger IDS = new AtomicInteger();

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    static String pareto(List<FailureCount> failures) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FailureCount f : failures) {
            data.addValue(f.runs(), "FAIL runs", f.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(
                null, null, "FAIL runs", data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setSeriesPaint(0, LIMIT);
        r.setShadowVisible(false);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(chart);
        return svg(chart, 760, 60 + 34 * Math.max(1, failures.size()));
    }

    static String histogram(MeasurementStats s) {
        XYIntervalSeries series = new XYIntervalSeries("readings");
        for (Histogram.Bin b : s.histogram().bins()) {
            series.add((b.lower() + b.upper()) / 2, b.lower(), b.upper(), b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        NumberAxis x =
                new NumberAxis(s.unit() == null || s.unit().isEmpty() ? s.name() : s.name() + " (" + s.unit() + ")");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("readings");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        limit(plot, s.low(), "low");
        limit(plot, s.high(), "high");
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        style(chart);
        return svg(chart, 460, 230);
    }

    /**
     * An individuals control chart: the readings in order, the centre line, ±1σ and ±2σ dashed, ±3σ in
     * red, and every point that broke a rule as a larger orange diamond.
     */
    static String controlChart(ControlChart c) {
        XYSeries all = new XYSeries("readings");
        XYSeries broke = new XYSeries("rule broken");
        for (ChartPoint p : c.points()) {
            all.add(p.index() + 1, p.value());
            if (p.violates()) {
                broke.add(p.index() + 1, p.value());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(broke);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        // one SVG path for the readings, a shape only where a rule broke: a batch's chart of 400
        // points stays a few kilobytes, so the report is still fit to mail
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, BAR);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesPaint(1, VIOLATION);
        r.setSeriesShape(1, ShapeUtils.createDiamond(6f));
        NumberAxis x = new NumberAxis("reading, in run order");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(c.unit() == null || c.unit().isEmpty() ? c.measurement() : c.unit());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        c.limits().ifPresent(l -> {
            plot.addRangeMarker(sigmaLine(l.centre(), "centre", Color.DARK_GRAY, new BasicStroke(1.5f)));
            for (int k = 1; k <= 3; k++) {
                Color colour = k == 3 ? LIMIT : Color.GRAY;
                BasicStroke dashed = new BasicStroke(
                        k == 3 ? 1.5f : 1f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {4f, 3f},
                        0f);
                plot.addRangeMarker(sigmaLine(l.line(k), "+" + k + "σ", colour, dashed));
                plot.addRangeMarker(sigmaLine(l.line(-k), "−" + k + "σ", colour, dashed));
            }
            // the ±3σ lines in view even when every reading sits near the centre
            double lo = Math.min(
                    l.line(-3.3),
                    c.points().stream().mapToDouble(ChartPoint::value).min().orElse(l.centre()));
            double hi = Math.max(
                    l.line(3.3),
                    c.points().stream().mapToDouble(ChartPoint::value).max().orElse(l.centre()));
            if (hi > lo) {
                double margin = 0.05 * (hi - lo);
                y.setRange(lo - margin, hi + margin);
            }
        });
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(chart);
        return svg(chart, 460, 230);
    }

    private static ValueMarker sigmaLine(double at, String label, Color colour, BasicStroke stroke) {
        ValueMarker m = new ValueMarker(at, colour, stroke);
        m.setLabel(label);
        m.setLabelPaint(colour);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        m.setLabelAnchor(RectangleAnchor.RIGHT);
        m.setLabelTextAnchor(TextAnchor.CENTER_RIGHT);
        return m;
    }

    private static void limit(XYPlot plot, Double at, String label) {
        if (at == null) {
            return;
        }
        ValueMarker m = new ValueMarker(at, LIMIT, new BasicStroke(2f));
        m.setLabel(label);
        m.setLabelPaint(LIMIT);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // labels inside the plot: "low" to the right of its line, "high" to the left of its line
        m.setLabelAnchor("low".equals(label) ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor("low".equals(label) ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(m);
    }

    /** Boards tested per hour (bars) and the hour's first-pass yield (line), one chart each. */
    static String boardsPerHour(List<HourBucket> hours) {
        TimeSeries boards = new TimeSeries("boards tested");
        for (HourBucket h : hours) {
            boards.addOrUpdate(
                    new Hour(Date.from(h.hour()), TimeZone.getTimeZone("UTC"), Locale.ROOT), h.boardsTested());
        }
        JFreeChart chart = ChartFactory.createXYBarChart(
                null,
                "hour (UTC)",
                true,
                "boards tested",
                new TimeSeriesCollection(boards, TimeZone.getTimeZone("UTC")),
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        hourAxis(chart.getXYPlot(), hours);
        XYBarRenderer r = (XYBarRenderer) chart.getXYPlot().getRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, BAR);
        style(chart);
        return svg(chart, 760, 240);
    }

    static String yieldOverTime(List<HourBucket> hours) {
        TimeSeries fpy = new TimeSeries("first-pass yield %");
        for (HourBucket h : hours) {
            if (h.boardsTested() > 0) {
                fpy.addOrUpdate(
                        new Hour(Date.from(h.hour()), TimeZone.getTimeZone("UTC"), Locale.ROOT),
                        100 * h.firstPassYield());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                null,
                "hour (UTC)",
                "first-pass yield %",
                new TimeSeriesCollection(fpy, TimeZone.getTimeZone("UTC")),
                false,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        hourAxis(plot, hours);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, BAR);
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(line);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        style(chart);
        return svg(chart, 760, 240);
    }

    /** Time labels a person reads: "14:00" within one UTC day, "Dec 02 14:00" across days. */
    private static void hourAxis(XYPlot plot, List<HourBucket> hours) {
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setDateFormatOverride(hourFormat(hours));
    }

    static SimpleDateFormat hourFormat(List<HourBucket> hours) {
        boolean oneDay = hours.isEmpty()
                || hours.get(0)
                        .hour()
                        .truncatedTo(ChronoUnit.DAYS)
                        .equals(hours.get(hours.size() - 1).hour().truncatedTo(ChronoUnit.DAYS));
        SimpleDateFormat f = new SimpleDateFormat(oneDay ? "HH:mm" : "MMM dd HH:mm", Locale.ENGLISH);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        chart.setAntiAlias(true);
    }

    private static String svg(JFreeChart chart, int w, int h) {
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        // several charts share one page: their clip paths and gradients need distinct ids
        g.setDefsKeyPrefix("c" + IDS.incrementAndGet() + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        return g.getSVGElement();
    }
}
