package io.github.imagebuildersql.controls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a control file: a header of SQL comments, then the query.
 *
 * <pre>
 * -- id: pipeline_image_scanning_enabled      (the file's name without .sql)
 * -- title: Image pipelines scan the images they build
 * -- severity: high                           (critical, high, medium or low)
 * -- benchmarks: foundational                 (optional: a comma list; every control is in 'all')
 * -- rationale: Why it matters ...
 * --   a line indented by two spaces or more goes on with the field above.
 * -- remediation: What to do ...
 * -- references: https://..., https://...     (optional)
 * -- param max_age_days = 30: What it means   (optional, repeatable; a whole number or 'quoted text')
 * select ... ${max_age_days} ...
 * </pre>
 *
 * The header ends at the first line that is none of these; comments after it belong to the query.
 */
final class ControlFile {
    private static final List<String> FIELDS = List.of("id", "title", "severity", "benchmarks", "rationale",
            "remediation", "references");
    private static final List<String> REQUIRED = List.of("id", "title", "severity", "rationale", "remediation");
    private static final Pattern FIELD = Pattern.compile("([a-z][a-z_-]*):\\s*(.*)");
    private static final Pattern PARAM = Pattern.compile(
            "param\\s+([a-z][a-z0-9_]*)\\s*=\\s*(-?[0-9]{1,18}|'(?:[^']|'')*')\\s*:\\s*(.+)");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern BENCHMARK = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private ControlFile() {}

    /** A parameter as its header line declares it. */
    private record Declared(String defaultLiteral, StringBuilder description, int line) {}

    /** The control in {@code text}, read from {@code source} (a file name, for messages and the id check). */
    static Control parse(String source, String text) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        Map<String, Declared> params = new LinkedHashMap<>();
        StringBuilder last = null;
        int n = 0;
        for (; n < lines.length; n++) {
            String line = lines[n];
            if (!line.startsWith("--")) {
                if (line.isBlank() && fields.isEmpty() && params.isEmpty()) {
                    continue;
                }
                break;
            }
            String body = line.substring(2);
            if (last != null && !body.isBlank() && (body.startsWith("  ") || body.startsWith("\t"))) {
                last.append(' ').append(body.strip());
                continue;
            }
            body = body.strip();
            Matcher param = PARAM.matcher(body);
            Matcher field = FIELD.matcher(body);
            if (param.matches()) {
                if (params.containsKey(param.group(1))) {
                    throw new MalformedControlException(source, n + 1, "parameter " + param.group(1)
                            + " is declared twice");
                }
                last = new StringBuilder(param.group(3).strip());
                params.put(param.group(1), new Declared(param.group(2), last, n + 1));
            } else if (body.equals("param") || body.startsWith("param ")) {
                throw new MalformedControlException(source, n + 1, "a parameter is declared as "
                        + "'-- param NAME = DEFAULT: DESCRIPTION' (NAME in lower case, DEFAULT a whole number or "
                        + "'quoted text'), not '" + body + "'");
            } else if (field.matches()) {
                String key = field.group(1);
                if (!FIELDS.contains(key)) {
                    throw new MalformedControlException(source, n + 1, "unknown header field '" + key
                            + "'; the fields are " + String.join(", ", FIELDS) + " and param");
                }
                if (fields.containsKey(key)) {
                    throw new MalformedControlException(source, n + 1, "field " + key + " is given twice");
                }
                last = new StringBuilder(field.group(2).strip());
                fields.put(key, last);
            } else {
                break;
            }
        }
        for (String key : REQUIRED) {
            if (!fields.containsKey(key) || fields.get(key).isEmpty()) {
                throw new MalformedControlException(source, 0, "the header has no " + key + " (a line '-- " + key
                        + ": ...' among the comment lines at the top of the file)");
            }
        }
        if (Arrays.stream(lines, n, lines.length).allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
            throw new MalformedControlException(source, 0, "there is no query after the header");
        }
        String id = fields.get("id").toString();
        if (!ID.matcher(id).matches()) {
            throw new MalformedControlException(source, 0, "id '" + id + "' must be lower-case letters, digits and "
                    + "underscores, starting with a letter (it names a view: controls." + id + ")");
        }
        String base = baseName(source);
        if (base != null && !base.equals(id)) {
            throw new MalformedControlException(source, 0, "id '" + id + "' must be the file's name: rename the file "
                    + id + ".sql or change the id to " + base);
        }
        Severity severity;
        try {
            severity = Severity.valueOf(fields.get("severity").toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedControlException(source, 0, "severity '" + fields.get("severity")
                    + "' is not one of critical, high, medium, low");
        }
        List<String> benchmarks = new ArrayList<>();
        for (String b : list(fields.get("benchmarks"))) {
            if (!BENCHMARK.matcher(b).matches() || b.equals("all")) {
                throw new MalformedControlException(source, 0, "benchmark '" + b + "' must be lower-case letters, "
                        + "digits and hyphens, and not 'all', which holds every control");
            }
            benchmarks.add(b);
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher placeholder = Control.PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        for (String name : used) {
            if (!params.containsKey(name)) {
                throw new MalformedControlException(source, 0, "the query reads ${" + name + "}, which the header "
                        + "does not declare (add '-- param " + name + " = DEFAULT: DESCRIPTION')");
            }
        }
        List<ControlParameter> parameters = new ArrayList<>();
        params.forEach((name, declared) -> {
            if (!used.contains(name)) {
                throw new MalformedControlException(source, declared.line(), "parameter " + name
                        + " is declared but the query never reads it as ${" + name + "}");
            }
            String literal = declared.defaultLiteral();
            boolean integer = !literal.startsWith("'");
            String value = integer ? literal : literal.substring(1, literal.length() - 1).replace("''", "'");
            parameters.add(new ControlParameter(name, value, integer, declared.description().toString()));
        });
        return new Control(id, fields.get("title").toString(), severity, List.copyOf(benchmarks),
                fields.get("rationale").toString(), fields.get("remediation").toString(),
                list(fields.get("references")), List.copyOf(parameters), text, source);
    }

    /** A comma list, each element trimmed; none for a field not given. */
    private static List<String> list(StringBuilder field) {
        if (field == null || field.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The file's name without .sql, or null for a source that is not a .sql file's name. */
    private static String baseName(String source) {
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : null;
    }
}
