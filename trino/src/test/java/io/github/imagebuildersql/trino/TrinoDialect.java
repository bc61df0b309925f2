package io.github.imagebuildersql.trino;

import java.util.regex.Pattern;

/**
 * What a sample query written for the driver needs in Trino, the rewrites docs/trino.md tells users about:
 * {@code map['key']} fails on a row without that key, where {@code element_at(map, 'key')} answers NULL as the
 * driver does; a JSON path starts with its mode ({@code 'lax $.a'}, the driver's default); json_query's array
 * wrapper: the driver wraps every answer, even a lone array or object under {@code CONDITIONAL}, and answers
 * {@code []} for no match, where Trino, as the SQL standard says, leaves a lone array or object unwrapped and
 * answers NULL: {@code WITH UNCONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY} is the driver's answer; and Trino
 * has no {@code IS NOT TRUE}, which is {@code IS DISTINCT FROM TRUE}.
 */
final class TrinoDialect {
    private static final Pattern SUBSCRIPT = Pattern.compile("\\b((?:\\w+\\.)?tags)\\['([^']*)'\\]");
    private static final Pattern JSON_PATH = Pattern.compile("(json_(?:value|query|exists)\\([^,]+,\\s*)'\\$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WRAPPER = Pattern.compile("with (?:conditional |unconditional )?array wrapper(\\s*\\))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_NOT_BOOLEAN = Pattern.compile("\\bis not (true|false)\\b", Pattern.CASE_INSENSITIVE);

    private TrinoDialect() {}

    static String of(String sql) {
        String trino = SUBSCRIPT.matcher(sql).replaceAll("element_at($1, '$2')");
        trino = JSON_PATH.matcher(trino).replaceAll("$1'lax \\$");
        trino = WRAPPER.matcher(trino).replaceAll("with unconditional array wrapper empty array on empty$1");
        return IS_NOT_BOOLEAN.matcher(trino).replaceAll("is distinct from $1");
    }

    static boolean needsRewrite(String sql) {
        return !of(sql).equals(sql);
    }
}
