package io.github.imagebuildersql.bench;

import java.util.ArrayList;
import java.util.List;

/** The rows of BENCHMARKS.md, grouped by case. */
final class Report {
    record Row(String figure, String median, String spread, String bound, String verdict) {}

    record Section(String title, String setup, List<Row> rows, List<String> notes) {}

    final List<Section> sections = new ArrayList<>();
    private Section current;

    void section(String title, String setup) {
        current = new Section(title, setup, new ArrayList<>(), new ArrayList<>());
        sections.add(current);
    }

    void row(String figure, Samples s, String unit, String bound, String verdict) {
        current.rows().add(new Row(figure, Samples.fmt(s.median()) + " " + unit, s.spread(), bound, verdict));
    }

    void exact(String figure, long value, String bound, String verdict) {
        current.rows().add(new Row(figure, String.valueOf(value), "exact", bound, verdict));
    }

    void note(String text) {
        current.notes().add(text);
    }

    String markdown(String header) {
        StringBuilder md = new StringBuilder(header);
        for (Section s : sections.stream().sorted(java.util.Comparator.comparing(Report::caseNumber)
                .thenComparing(Section::title)).toList()) {
            md.append("\n## ").append(s.title()).append("\n\n").append(s.setup()).append("\n\n");
            md.append("| figure | median | spread | bound / target | result |\n|---|---|---|---|---|\n");
            for (Row r : s.rows()) {
                md.append("| ").append(r.figure()).append(" | ").append(r.median()).append(" | ").append(r.spread())
                        .append(" | ").append(r.bound()).append(" | ").append(r.verdict()).append(" |\n");
            }
            for (String n : s.notes()) {
                md.append("\n").append(n).append("\n");
            }
        }
        return md.toString();
    }

    /** A section's case number ("6b. …" is 6), so that 10 comes after 9 rather than after 1. */
    private static int caseNumber(Section s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(s.title());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
