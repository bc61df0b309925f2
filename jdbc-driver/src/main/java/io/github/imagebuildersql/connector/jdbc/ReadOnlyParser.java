package io.github.imagebuildersql.connector.jdbc;

import java.io.Reader;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImplConstants;
import org.apache.calcite.sql.parser.impl.Token;

/**
 * Calcite's SQL parser, refusing every statement that would write: the driver is read-only, and Calcite
 * answers an INSERT on a table it cannot modify with a page of planner state. A statement is refused by its
 * parsed kind (DML, DDL, options; also when EXPLAIN wraps it). Calcite's own grammar has no CREATE, DROP,
 * ALTER TABLE or TRUNCATE (that is calcite-server's), so a statement that does not parse is refused as a
 * write when its first token is one of those keywords, rather than called a syntax error. Every connection
 * of the driver parses with it (connection property {@code parserFactory}), so the refusal is the same
 * whatever JDBC method carried the statement.
 */
public final class ReadOnlyParser extends SqlParserImpl {
    /** Named by the {@code parserFactory} connection property. */
    public static final SqlParserImplFactory FACTORY = ReadOnlyParser::new;

    /** The first keywords of the DDL that Calcite's grammar cannot parse. */
    private static final Set<Integer> UNPARSED_DDL = Set.of(SqlParserImplConstants.CREATE, SqlParserImplConstants.DROP,
            SqlParserImplConstants.ALTER, SqlParserImplConstants.TRUNCATE, SqlParserImplConstants.GRANT,
            SqlParserImplConstants.REVOKE);

    private ReadOnlyParser(Reader reader) {
        super(reader);
    }

    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
        Token first = getToken(1); // comments are not tokens
        SqlNode statement;
        try {
            statement = super.parseSqlStmtEof();
        } catch (Exception e) {
            if (UNPARSED_DDL.contains(first.kind)) {
                throw new WriteRefused(first.image);
            }
            throw e;
        }
        if (writes(statement)) {
            throw new WriteRefused(first.image);
        }
        if (statement instanceof SqlExplain explain && writes(explain.getExplicandum())) {
            throw new WriteRefused(explain.getExplicandum().getKind().sql);
        }
        return statement;
    }

    /** Changes data (DML) or definitions and settings (DDL, SET). */
    private static boolean writes(SqlNode statement) {
        return statement.getKind().belongsTo(SqlKind.DML) || statement.getKind().belongsTo(SqlKind.DDL);
    }

    /** A statement that would write; SqlErrors gives it SQLSTATE 25006. */
    static final class WriteRefused extends RuntimeException {
        WriteRefused(String keyword) {
            super("the imagebuilder-sql driver is read-only: " + keyword.toUpperCase(Locale.ROOT)
                    + " is not supported; only queries (SELECT, VALUES, EXPLAIN) are");
        }
    }
}
