package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.cli.CheckReport.Finding;
import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import io.github.imagebuildersql.connector.jdbc.ImageBuilderDriver;
import io.github.imagebuildersql.controls.Control;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The check as one HTML page for people who never read the SQL: a bar per control, by status, at the top;
 * then each control in alarm with why it matters and what to do, its alarms grouped by account with their
 * reasons. Self-contained (inline CSS and SVG, nothing fetched), so it can be mailed or archived; every
 * text, from AWS or from a control file, is escaped.
 */
final class HtmlReport {
    private static final int BAR_WIDTH = 240;
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#1d2125}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d5da}
            h3{margin-bottom:.3rem}h4{margin:.8rem 0 .2rem}
            .meta{color:#5a636b;margin-top:0}.totals span{font-weight:600}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;\
            border-bottom:1px solid #eceff1;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.id{color:#5a636b;font-size:.85em}
            .sev{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8em;color:#fff;font-weight:600}
            .sev-critical{background:#7b1fa2}.sev-high{background:#c62828}.sev-medium{background:#ef6c00}\
            .sev-low{background:#607d8b}
            .alarm{color:#c62828}.info{color:#1565c0}.skip{color:#757575}.ok{color:#2e7d32}
            .partial{border:1px solid #ef6c00;background:#fff3e0;padding:.5rem 1rem;border-radius:4px}
            .control{border-left:4px solid #c62828;padding-left:1rem;margin:1.5rem 0}
            .resource{color:#5a636b;font-size:.85em;word-break:break-all}.region{font-weight:600}
            ul.findings{margin:.2rem 0;padding-left:1.2rem}ul.findings li{margin:.3rem 0}
            footer{margin-top:3rem;color:#5a636b;font-size:.85em}
            """;
    private static final Map<Status, String> COLOURS = Map.of(Status.ALARM, "#c62828", Status.INFO, "#1565c0",
            Status.SKIP, "#9e9e9e", Status.OK, "#2e7d32");

    private HtmlReport() {}

    static void write(CheckReport report, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Image Builder check: " + report.selection();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"meta\">").append(report.outcomes().size()).append(" controls, checked ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(report.checkedAt()
                        .atOffset(ZoneOffset.UTC))).append("</p>\n</header>\n");
        summary(h, report);
        alarms(h, report);
        h.append("<footer>Written by imagebuilder-sql ").append(escape(ImageBuilderDriver.version()))
                .append(" (check). Each control is an SQL query over the Image Builder inventory; the reasons "
                        + "quote the values that decided.</footer>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void summary(StringBuilder h, CheckReport report) {
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"totals\">");
        for (Status s : Status.values()) {
            h.append(s == Status.ALARM ? "" : " · ").append("<span class=\"").append(s.label()).append("\">")
                    .append(report.count(s)).append(' ').append(s.label()).append("</span>");
        }
        h.append("</p>\n");
        if (report.partial()) {
            h.append("<div class=\"partial\"><p><strong>Partial:</strong> ").append(report.skippedPartitions().size())
                    .append(" partition(s) could not be scanned, and their resources are not in this report:</p>\n<ul>\n");
            for (String p : report.skippedPartitions()) {
                h.append("<li>").append(escape(p)).append("</li>\n");
            }
            h.append("</ul></div>\n");
        }
        h.append("<table class=\"controls\">\n<thead><tr><th>Control</th><th>Severity</th><th>Resources</th>")
                .append("<th>Result</th></tr></thead>\n<tbody>\n");
        for (Outcome o : report.outcomes()) {
            Control c = o.control();
            Map<Status, Integer> n = o.counts();
            h.append("<tr data-control=\"").append(escape(c.id())).append('"');
            for (Status s : Status.values()) {
                h.append(" data-").append(s.label()).append("=\"").append(n.get(s)).append('"');
            }
            h.append("><td>");
            if (n.get(Status.ALARM) > 0) {
                h.append("<a href=\"#").append(escape(c.id())).append("\">").append(escape(c.title())).append("</a>");
            } else {
                h.append(escape(c.title()));
            }
            h.append("<div class=\"id\">").append(escape(c.id())).append("</div></td><td>").append(severity(c))
                    .append("</td><td class=\"n\">").append(o.findings().size()).append("</td><td>");
            bar(h, n, o.findings().size());
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<h2>Alarms by account</h2>\n<table class=\"accounts\">\n")
                .append("<thead><tr><th>Account</th><th>Alarms</th></tr></thead>\n<tbody>\n");
        report.alarmsByAccount().forEach((account, alarms) -> h.append("<tr data-account=\"").append(escape(account))
                .append("\"><td>").append(escape(account)).append("</td><td class=\"n\">").append(alarms)
                .append("</td></tr>\n"));
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** The control's findings as one bar of coloured parts, alarm first, with the counts beside it. */
    private static void bar(StringBuilder h, Map<Status, Integer> n, int total) {
        StringBuilder label = new StringBuilder();
        h.append("<svg width=\"").append(BAR_WIDTH).append("\" height=\"14\" role=\"img\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        for (Status s : Status.values()) {
            int count = n.get(s);
            if (count == 0) {
                continue;
            }
            double w = BAR_WIDTH * (double) count / total;
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"14\" "
                    + "fill=\"%s\"><title>%d %s</title></rect>", x, w, COLOURS.get(s), count, s.label()));
            x += w;
            label.append(label.length() == 0 ? "" : " · ").append(count).append(' ').append(s.label());
        }
        if (total == 0) {
            h.append("<rect x=\"0\" y=\"0\" width=\"").append(BAR_WIDTH).append("\" height=\"14\" fill=\"#eceff1\">")
                    .append("<title>no resource</title></rect>");
            label.append("no resource checked");
        }
        h.append("</svg> <span class=\"counts\">").append(label).append("</span>");
    }

    private static void alarms(StringBuilder h, CheckReport report) {
        h.append("<section id=\"alarms\">\n<h2>Alarms</h2>\n");
        if (report.count(Status.ALARM) == 0) {
            h.append("<p>No alarms: every resource checked passed, or was informational or skipped.</p>\n");
        }
        for (Outcome o : report.outcomes()) {
            List<Finding> alarms = o.withStatus(Status.ALARM);
            if (alarms.isEmpty()) {
                continue;
            }
            Control c = o.control();
            h.append("<article class=\"control\" id=\"").append(escape(c.id())).append("\">\n<h3>")
                    .append(escape(c.title())).append(' ').append(severity(c)).append("</h3>\n")
                    .append("<p class=\"id\">").append(escape(c.id())).append(" · ").append(alarms.size())
                    .append(alarms.size() == 1 ? " alarm" : " alarms").append(parameters(o)).append("</p>\n")
                    .append("<p class=\"why\"><strong>Why it matters:</strong> ").append(escape(c.rationale()))
                    .append("</p>\n<p class=\"fix\"><strong>What to do:</strong> ").append(escape(c.remediation()))
                    .append("</p>\n");
            if (!c.references().isEmpty()) {
                h.append("<p class=\"refs\">References:");
                for (String r : c.references()) {
                    h.append(' ').append(r.startsWith("https://") || r.startsWith("http://")
                            ? "<a href=\"" + escape(r) + "\">" + escape(r) + "</a>" : escape(r));
                }
                h.append("</p>\n");
            }
            Map<String, List<Finding>> byAccount = new TreeMap<>();
            alarms.forEach(f -> byAccount.computeIfAbsent(String.valueOf(f.accountId()), a -> new ArrayList<>()).add(f));
            byAccount.forEach((account, findings) -> {
                h.append("<h4>Account ").append(escape(account)).append("</h4>\n<ul class=\"findings\">\n");
                for (Finding f : findings) {
                    h.append("<li data-resource=\"").append(escape(f.resource())).append("\"><span class=\"region\">")
                            .append(escape(f.region())).append("</span> ").append(escape(f.reason()))
                            .append("<div class=\"resource\">").append(escape(f.resource())).append("</div></li>\n");
                }
                h.append("</ul>\n");
            });
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static String parameters(Outcome o) {
        StringBuilder p = new StringBuilder();
        o.parameters().forEach((k, v) -> p.append(p.length() == 0 ? " · with " : ", ").append(escape(k)).append(" = ")
                .append(escape(v)));
        return p.toString();
    }

    private static String severity(Control c) {
        return "<span class=\"sev sev-" + c.severity().label() + "\">" + c.severity().label() + "</span>";
    }

    /** Text as HTML character data or an attribute value, whatever it holds (control characters become U+FFFD). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        String text = JunitReport.text(s);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
