package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.cli.CheckReport.Finding;
import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The check's report for a terminal: a line per control, a line per account, then each alarm and why. */
final class CheckSummary {
    private CheckSummary() {}

    static void write(CheckReport report, Writer out) {
        PrintWriter p = new PrintWriter(out);
        p.println("Check of " + report.selection() + ": " + report.outcomes().size() + " controls, "
                + report.checkedAt());
        p.println();
        List<String[]> controls = new ArrayList<>();
        for (Outcome o : report.outcomes()) {
            Map<Status, Integer> n = o.counts();
            controls.add(new String[] {o.control().id(), o.control().severity().label(), n.get(Status.OK).toString(),
                    n.get(Status.ALARM).toString(), n.get(Status.INFO).toString(), n.get(Status.SKIP).toString()});
        }
        TextTable.print(p, new String[] {"control", "severity", "ok", "alarm", "info", "skip"}, controls);
        p.println();
        List<String[]> accounts = new ArrayList<>();
        report.alarmsByAccount().forEach((account, alarms) -> accounts.add(new String[] {account, alarms.toString()}));
        TextTable.print(p, new String[] {"account_id", "alarms"}, accounts);
        for (Outcome o : report.outcomes()) {
            List<Finding> alarms = o.withStatus(Status.ALARM);
            if (alarms.isEmpty()) {
                continue;
            }
            p.println();
            p.println(o.control().id() + " (" + o.control().severity().label() + "): " + oneLine(o.control().title()));
            for (Finding f : alarms) {
                p.println("  " + f.accountId() + " " + f.region() + ": " + oneLine(f.reason()));
            }
        }
        p.println();
        int alarms = report.count(Status.ALARM);
        long inAlarm = report.outcomes().stream().filter(o -> o.count(Status.ALARM) > 0).count();
        p.println(alarms == 0 ? "No alarms." : alarms + (alarms == 1 ? " alarm" : " alarms") + " in " + inAlarm
                + (inAlarm == 1 ? " control." : " controls."));
        if (report.partial()) {
            p.println("Partial: " + report.skippedPartitions().size() + " partition(s) could not be scanned; "
                    + "their resources are not in this report.");
        }
        p.flush();
    }

    /**
     * Text from AWS on one terminal line: line breaks and other control characters (an escape sequence in a
     * name could repaint the terminal) are shown as \\uXXXX.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
