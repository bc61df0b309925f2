package io.github.imagebuildersql.controls;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One control: a query that returns one row per resource checked ({@code resource}, {@code account_id},
 * {@code region}, {@code status}, {@code reason}, optionally {@code dimensions}), with what a reader needs
 * to act on its alarms. {@code text} is the whole file, header included: the header is SQL comments, so the
 * file runs as it is once its parameters are filled in, and an error's line number is the file's.
 */
public record Control(String id, String title, Severity severity, List<String> benchmarks, String rationale,
        String remediation, List<String> references, List<ControlParameter> parameters, String text, String source) {

    /** The columns a control's query returns; {@code dimensions} may be left out. */
    public static final List<String> COLUMNS = List.of("resource", "account_id", "region", "status", "reason",
            "dimensions");

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** The query with each parameter's value from {@code values}, or its default. */
    public String sql(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            ControlParameter p = parameter(m.group(1));
            m.appendReplacement(sql, Matcher.quoteReplacement(p.literal(values.getOrDefault(p.name(), p.defaultValue()))));
        }
        return m.appendTail(sql).toString();
    }

    /** The values this control runs with: the given ones for its parameters, the defaults for the rest. */
    public Map<String, String> values(Map<String, String> given) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), given.getOrDefault(p.name(), p.defaultValue())));
        return values;
    }

    ControlParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(id + " has no parameter " + name));
    }
}
