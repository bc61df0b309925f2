package io.github.imagebuildersql.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.cli.CheckReport.Finding;
import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.controls.Control;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The check's findings for programs: CSV, one row per finding; JSON, one document with the controls too. */
final class CheckData {
    static final String[] CSV_HEADER = {"control", "severity", "status", "account_id", "region", "resource", "reason",
        "dimensions"};

    private CheckData() {}

    static void csv(CheckReport report, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
        for (Outcome o : report.outcomes()) {
            for (Finding f : o.findings()) {
                csv.printRecord(o.control().id(), o.control().severity().label(), f.status().label(), f.accountId(),
                        f.region(), f.resource(), f.reason(), f.dimensions());
            }
        }
        csv.flush();
    }

    static void json(CheckReport report, Writer out) throws IOException {
        ObjectNode root = SdkJson.MAPPER.createObjectNode();
        root.put("selection", report.selection());
        root.put("checkedAt", report.checkedAt().toString());
        root.put("partial", report.partial());
        ArrayNode skipped = root.putArray("skippedPartitions");
        report.skippedPartitions().forEach(skipped::add);
        root.set("counts", counts(report));
        ArrayNode controls = root.putArray("controls");
        for (Outcome o : report.outcomes()) {
            Control c = o.control();
            ObjectNode control = controls.addObject();
            control.put("id", c.id());
            control.put("title", c.title());
            control.put("severity", c.severity().label());
            c.benchmarks().forEach(control.putArray("benchmarks")::add);
            control.put("rationale", c.rationale());
            control.put("remediation", c.remediation());
            c.references().forEach(control.putArray("references")::add);
            ObjectNode parameters = control.putObject("parameters");
            o.parameters().forEach(parameters::put);
            ObjectNode counts = control.putObject("counts");
            o.counts().forEach((status, n) -> counts.put(status.label(), n));
            ArrayNode findings = control.putArray("findings");
            for (Finding f : o.findings()) {
                ObjectNode finding = findings.addObject();
                finding.put("resource", f.resource());
                finding.put("account_id", f.accountId());
                finding.put("region", f.region());
                finding.put("status", f.status().label());
                finding.put("reason", f.reason());
                finding.put("dimensions", f.dimensions());
            }
        }
        SdkJson.MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root);
        out.write('\n');
    }

    private static ObjectNode counts(CheckReport report) {
        ObjectNode counts = SdkJson.MAPPER.createObjectNode();
        for (Status s : Status.values()) {
            counts.put(s.label(), report.count(s));
        }
        return counts;
    }
}
