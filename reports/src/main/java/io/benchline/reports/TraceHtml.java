package io.benchline.reports;

import static io.benchline.reports.Html.esc;

import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.RunRow;
import io.benchline.db.Verdict;
import java.util.List;

/** The history of one board as a page: every run newest first, each step and measurement against its limits. */
public final class TraceHtml {
    private TraceHtml() {}

    public static String render(String serial, List<RunDetail> runs) {
        return render(serial, runs, new FlowTrace(List.of(), List.of()));
    }

    /** As above, with the board's quarantines and engineer actions above its runs. */
    public static String render(String serial, List<RunDetail> runs, FlowTrace flow) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Board ")
                .append(esc(serial))
                .append("</h1>\n<div class=\"sub\">")
                .append(runs.size())
                .append(" run(s), newest first")
                .append(uid(runs))
                .append("</div>\n")
                .append(flow.html());
        for (RunDetail d : runs) {
            RunRow r = d.run();
            String verdict = r.verdict() == null ? "OPEN" : r.verdict().name();
            b.append("<div class=\"run\" id=\"run-")
                    .append(r.id())
                    .append("\"><h3>run ")
                    .append(r.id())
                    .append(" — <span class=\"")
                    .append(verdict)
                    .append(" verdict\">")
                    .append(verdict)
                    .append("</span> — ")
                    .append(esc(r.startedAt()))
                    .append("</h3>\n<div class=\"meta\">batch ")
                    .append(esc(r.batch()))
                    .append(" · station ")
                    .append(esc(r.station()))
                    .append(" · operator ")
                    .append(esc(r.operator()))
                    .append(" · fixture ")
                    .append(esc(r.fixture()))
                    .append("<br>plan ")
                    .append(esc(r.planName()))
                    .append(" v")
                    .append(esc(r.planVersion()))
                    .append(" sha256 <code>")
                    .append(esc(r.planSha256()))
                    .append("</code><br>firmware sha256 <code>")
                    .append(r.firmwareSha256() == null ? "-" : esc(r.firmwareSha256()))
                    .append("</code> · software ")
                    .append(esc(r.softwareVersion()))
                    .append(r.uid() == null ? "" : " · MCU UID <code>" + esc(r.uid()) + "</code>")
                    .append(r.panelLabel() == null ? "" : " · panel label <code>" + esc(r.panelLabel()) + "</code>")
                    .append("</div>\n");
            if (r.failedStep() != null) {
                b.append("<p><b>Failed at ")
                        .append(esc(r.failedStep()))
                        .append(":</b> ")
                        .append(esc(r.message()))
                        .append(r.hint() == null ? "" : "<br>hint: " + esc(r.hint()))
                        .append("</p>\n");
            }
            b.append(
                    "<table><tr><th>#</th><th>step</th><th>verdict</th><th>measurement</th><th class=\"num\">reading</th>"
                            + "<th class=\"num\">low</th><th class=\"num\">high</th><th>message</th><th>instrument</th></tr>\n");
            for (RunDetail.StepDetail s : d.steps()) {
                List<MeasurementRow> ms = s.measurements();
                boolean stepBad = s.step().verdict() == Verdict.FAIL || s.step().verdict() == Verdict.ERROR;
                if (ms.isEmpty()) {
                    b.append("<tr")
                            .append(stepBad ? " class=\"bad\"" : "")
                            .append("><td>")
                            .append(s.step().seq())
                            .append("</td><td>")
                            .append(esc(s.step().name()))
                            .append("</td><td class=\"")
                            .append(s.step().verdict())
                            .append("\">")
                            .append(s.step().verdict())
                            .append("</td><td></td><td></td><td></td><td></td><td>")
                            .append(esc(s.step().message()))
                            .append("</td><td></td></tr>\n");
                }
                for (int i = 0; i < ms.size(); i++) {
                    MeasurementRow m = ms.get(i);
                    boolean bad = m.verdict() != Verdict.PASS;
                    b.append("<tr")
                            .append(bad ? " class=\"bad\"" : "")
                            .append("><td>")
                            .append(i == 0 ? s.step().seq() : "")
                            .append("</td><td>")
                            .append(i == 0 ? esc(s.step().name()) : "")
                            .append("</td><td class=\"")
                            .append(m.verdict())
                            .append("\">")
                            .append(m.verdict())
                            .append("</td><td>")
                            .append(esc(m.name()))
                            .append("</td><td class=\"num value\">")
                            .append(esc(Html.value(m.reading(), m.unit())))
                            .append("</td><td class=\"num\">")
                            .append(esc(Html.value(m.low(), m.unit())))
                            .append("</td><td class=\"num\">")
                            .append(esc(Html.value(m.high(), m.unit())))
                            .append("</td><td>")
                            .append(i == 0 ? esc(s.step().message()) : "")
                            .append("</td><td class=\"instrument\">")
                            .append(
                                    m.instrument() == null
                                            ? ""
                                            : esc(m.instrument().label()))
                            .append("</td></tr>\n");
                }
            }
            b.append("</table></div>\n");
        }
        return Html.page("Board " + serial + " — trace", b.toString());
    }

    private static String uid(List<RunDetail> runs) {
        return runs.stream()
                .map(d -> d.run().uid())
                .filter(u -> u != null)
                .findFirst()
                .map(u -> " — MCU UID " + esc(u))
                .orElse("");
    }
}
