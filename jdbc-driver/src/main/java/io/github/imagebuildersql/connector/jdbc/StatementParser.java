package io.github.imagebuildersql.connector.jdbc;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImplConstants;
import org.apache.calcite.sql.parser.impl.Token;

/**
 * Calcite's SQL parser as the driver reads a statement; every connection parses with it (connection
 * property {@code parserFactory}), so the same holds whatever JDBC method or command carried the statement:
 * <ul>
 * <li>one statement, which may end with a semicolon (as typed in a shell or kept in a file); none at all (an
 * empty text, only comments) is an error of its own, where Calcite's parser fails with an index out of bounds;</li>
 * <li>every statement that would write is refused: the driver is read-only, and Calcite answers an INSERT
 * on a table it cannot modify with a page of planner state. A statement is refused by its parsed kind (DML,
 * DDL, options; also when EXPLAIN wraps it). Calcite's own grammar has no CREATE, DROP, ALTER TABLE or
 * TRUNCATE (that is calcite-server's), so a statement that does not parse is refused as a write when its
 * first token is one of those keywords, rather than called a syntax error;</li>
 * <li>a syntax error is one line that gives its position once and says what was expected.</li>
 * </ul>
 */
public final class StatementParser extends SqlParserImpl {
    /** Named by the {@code parserFactory} connection property. */
    public static final SqlParserImplFactory FACTORY = StatementParser::new;

    /** The first keywords of the DDL that Calcite's grammar cannot parse. */
    private static final Set<Integer> UNPARSED_DDL = Set.of(SqlParserImplConstants.CREATE, SqlParserImplConstants.DROP,
            SqlParserImplConstants.ALTER, SqlParserImplConstants.TRUNCATE, SqlParserImplConstants.GRANT,
            SqlParserImplConstants.REVOKE);
    /** Reserved words that shape a statement, which nobody means as a name. */
    private static final Set<String> CLAUSE_WORDS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER",
            "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER",
            "CROSS", "ON", "USING", "AND", "OR", "NOT", "AS", "IN", "IS", "NULL", "BETWEEN", "LIKE", "CASE", "WHEN",
            "THEN", "ELSE", "END", "DISTINCT", "ALL", "WITH", "VALUES", "EXPLAIN");
    /** How many of the expected tokens a syntax error names. */
    private static final int EXPECTED_SHOWN = 8;

    private StatementParser(Reader reader) {
        super(reader);
    }

    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
        Token first = getToken(1); // comments are not tokens
        SqlNodeList statements;
        try {
            statements = parseSqlStmtList();
        } catch (Throwable e) {
            if (UNPARSED_DDL.contains(first.kind)) {
                throw new WriteRefused(first.image);
            }
            if (first.kind == SqlParserImplConstants.SEMICOLON) {
                throw noStatement();
            }
            throw syntaxError(normalizeException(e), first);
        }
        if (statements.isEmpty()) {
            throw noStatement();
        }
        if (statements.size() != 1) {
            SqlParserPos second = statements.get(1).getParserPosition();
            throw new SqlParseException("SQL syntax error at line " + second.getLineNum() + ", column "
                    + second.getColumnNum() + ": a second statement; run one statement at a time", second, null, null,
                    null);
        }
        SqlNode statement = statements.get(0);
        if (writes(statement)) {
            throw new WriteRefused(first.image);
        }
        if (statement instanceof SqlExplain explain && writes(explain.getExplicandum())) {
            throw new WriteRefused(explain.getExplicandum().getKind().sql);
        }
        return statement;
    }

    private static SqlParseException noStatement() {
        return new SqlParseException("SQL syntax error: no statement, only blanks or comments; write a query such as "
                + "select name from imagebuilder_image_pipeline", SqlParserPos.ZERO, null, null, null);
    }

    /** Changes data (DML) or definitions and settings (DDL, SET). */
    private static boolean writes(SqlNode statement) {
        return statement.getKind().belongsTo(SqlKind.DML) || statement.getKind().belongsTo(SqlKind.DDL);
    }

    /**
     * Calcite's message, in one line: its position once, what was found and up to eight of the tokens it
     * expected (Calcite lists them all, a hundred and more, each on a line of its own).
     */
    private SqlParseException syntaxError(SqlParseException e, Token first) {
        SqlParserPos pos = e.getPos() != null ? e.getPos() : SqlParserPos.ZERO;
        String calcite = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        String what;
        if (calcite.startsWith("Non-query expression encountered in illegal context")) {
            what = pos.getLineNum() == first.beginLine && pos.getColumnNum() == first.beginColumn
                    ? "'" + first.image + "' does not start a statement; a query starts with SELECT, VALUES, WITH or "
                            + "EXPLAIN"
                    : "an expression where a query was expected";
        } else if (calcite.startsWith("Encountered \"<EOF>\"")) {
            Token last = getToken(0);
            what = "the statement ends early" + (last == null || last.image == null || last.image.isEmpty() ? ""
                    : " after '" + last.image + "'") + "; expected " + expected(e);
        } else if (calcite.startsWith("Encountered \"")) {
            String found = calcite.substring("Encountered \"".length(), calcite.indexOf('"', "Encountered \"".length()));
            String word = found.split("\\s+")[0];
            what = meantAsName(word) ? "'" + word + "' is a reserved word; to use it as a name, quote it: \"" + word + "\""
                    : "unexpected '" + found + "'; expected " + expected(e);
        } else {
            what = calcite.replaceFirst("^(?i)at line \\d+, column \\d+[:.]\\s*", "");
        }
        return new SqlParseException("SQL syntax error at line " + pos.getLineNum() + ", column " + pos.getColumnNum()
                + ": " + what, pos, e.getExpectedTokenSequences(), e.getTokenImages(), e);
    }

    /**
     * A reserved word found where the parser could not take it is most likely a name (a column, an alias): {@code
     * value}, {@code year}, {@code position}. The words that shape a statement are not: {@code select from t} lacks
     * its columns, it does not mean a column called "from".
     */
    private boolean meantAsName(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return getMetadata().isReservedWord(upper) && !CLAUSE_WORDS.contains(upper);
    }

    /** Keywords and symbols as typed, other tokens by what they are: "FROM, WHERE, a name, a number, ...". */
    private static String expected(SqlParseException e) {
        List<String> names = new ArrayList<>();
        for (String token : e.getExpectedTokenNames()) {
            String name = token.startsWith("\"") && token.endsWith("\"") && token.length() > 2
                    ? token.substring(1, token.length() - 1)
                    : switch (token) {
                        case "<IDENTIFIER>", "<QUOTED_IDENTIFIER>" -> "a name";
                        case "<QUOTED_STRING>" -> "a string";
                        case "<UNSIGNED_INTEGER_LITERAL>", "<DECIMAL_NUMERIC_LITERAL>" -> "a number";
                        default -> null;
                    };
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        names.sort((a, b) -> Boolean.compare(!a.startsWith("a "), !b.startsWith("a "))); // "a name" first
        if (names.isEmpty()) {
            return "something else";
        }
        return names.size() <= EXPECTED_SHOWN ? String.join(", ", names)
                : String.join(", ", names.subList(0, EXPECTED_SHOWN)) + ", ... (" + names.size() + " in all)";
    }

    /** A statement that would write; SqlErrors gives it SQLSTATE 25006. */
    static final class WriteRefused extends RuntimeException {
        WriteRefused(String keyword) {
            super("the imagebuilder-sql driver is read-only: " + keyword.toUpperCase(Locale.ROOT)
                    + " is not supported; only queries (SELECT, VALUES, EXPLAIN) are");
        }
    }
}
