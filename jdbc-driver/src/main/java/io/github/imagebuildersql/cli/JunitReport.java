package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.cli.CheckReport.Finding;
import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import io.github.imagebuildersql.controls.Control;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as CI systems (Jenkins, GitLab, GitHub Actions' test reporters) read it: a control is a
 * {@code testsuite}, each resource it checked a {@code testcase} (class name: control.account), an alarm a
 * {@code failure} with the reason and the remediation, a skip {@code skipped}; ok and info pass, their reason
 * in {@code system-out}. Partitions that could not be scanned are the {@code error}s of a suite of their own.
 */
final class JunitReport {
    private JunitReport() {}

    static void write(CheckReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", text("imagebuilder-sql check of " + report.selection()));
            int tests = report.outcomes().stream().mapToInt(o -> o.findings().size()).sum();
            x.writeAttribute("tests", String.valueOf(tests + report.skippedPartitions().size()));
            x.writeAttribute("failures", String.valueOf(report.count(Status.ALARM)));
            x.writeAttribute("errors", String.valueOf(report.skippedPartitions().size()));
            x.writeAttribute("skipped", String.valueOf(report.count(Status.SKIP)));
            x.writeAttribute("time", "0");
            String timestamp = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.checkedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime());
            for (Outcome o : report.outcomes()) {
                suite(x, o, timestamp);
            }
            if (report.partial()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                suiteAttributes(x, "scan", report.skippedPartitions().size(), 0,
                        report.skippedPartitions().size(), 0, timestamp);
                for (String partition : report.skippedPartitions()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("name", text(partition));
                    x.writeAttribute("classname", "scan");
                    x.writeAttribute("time", "0");
                    x.writeEmptyElement("error");
                    x.writeAttribute("type", "SkippedPartition");
                    x.writeAttribute("message", text("not scanned: " + partition));
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter x, Outcome o, String timestamp) throws XMLStreamException {
        Control c = o.control();
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        suiteAttributes(x, c.id(), o.findings().size(), o.count(Status.ALARM), 0, o.count(Status.SKIP), timestamp);
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "title", c.title());
        property(x, "severity", c.severity().label());
        property(x, "rationale", c.rationale());
        property(x, "remediation", c.remediation());
        for (String reference : c.references()) {
            property(x, "reference", reference);
        }
        for (var p : o.parameters().entrySet()) {
            property(x, "param." + p.getKey(), p.getValue());
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        for (Finding f : o.findings()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", text(f.resource()));
            x.writeAttribute("classname", text(c.id() + "." + f.accountId()));
            x.writeAttribute("time", "0");
            switch (f.status()) {
                case ALARM -> {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", c.severity().label());
                    x.writeAttribute("message", text(f.reason()));
                    x.writeCharacters(text(f.reason() + "\n\nRemediation: " + c.remediation()));
                    x.writeEndElement();
                }
                case SKIP -> {
                    x.writeEmptyElement("skipped");
                    x.writeAttribute("message", text(f.reason()));
                }
                default -> {
                    x.writeStartElement("system-out");
                    x.writeCharacters(text(f.status().label() + ": " + f.reason()));
                    x.writeEndElement();
                }
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void suiteAttributes(XMLStreamWriter x, String name, int tests, int failures, int errors,
            int skipped, String timestamp) throws XMLStreamException {
        x.writeAttribute("name", text(name));
        x.writeAttribute("tests", String.valueOf(tests));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", String.valueOf(errors));
        x.writeAttribute("skipped", String.valueOf(skipped));
        x.writeAttribute("time", "0");
        x.writeAttribute("timestamp", timestamp);
        x.writeAttribute("hostname", "imagebuilder-sql");
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", text(name));
        x.writeAttribute("value", text(value));
    }

    /** Text XML 1.0 can hold: characters it forbids (most control characters, from AWS data) become U+FFFD. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
        return sb.toString();
    }
}
