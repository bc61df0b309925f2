package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** How a check's report is written. */
enum CheckFormat implements OutFormat.Named {
    /** The summary for a terminal: per control, per account, then every alarm with its reason. */
    table(CheckSummary::write),
    /** One row per finding, RFC 4180 with a header. */
    csv(CheckData::csv, "csv"),
    /** One JSON document: the controls, their counts and findings, and what could not be scanned. */
    json(CheckData::json, "json"),
    /** JUnit XML: a control is a test suite, a resource a test case, an alarm a failure. */
    junit(JunitReport::write, "xml"),
    /** One self-contained HTML page for people: a bar per control, then the alarms and their reasons. */
    html(HtmlReport::write, "html", "htm");

    interface ReportWriter {
        void write(CheckReport report, Writer out) throws IOException;
    }

    private final ReportWriter writer;
    private final List<String> extensions;

    CheckFormat(ReportWriter writer, String... extensions) {
        this.writer = writer;
        this.extensions = List.of(extensions);
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    void write(CheckReport report, Writer out) throws IOException {
        writer.write(report, out);
        out.flush();
    }
}
