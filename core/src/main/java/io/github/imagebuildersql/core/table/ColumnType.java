package io.github.imagebuildersql.core.table;

/** The SQL types of the columns, and what the API value of each becomes. */
public enum ColumnType {
    /** A string; enums as the API spells them. */
    VARCHAR,
    BOOLEAN,
    INTEGER,
    /** A number with a fraction. */
    DOUBLE,
    /** An ISO-8601 string from the API, as a TIMESTAMP in UTC. */
    TIMESTAMP,
    /** A structure or list member, as the API's compact JSON text (VARCHAR). */
    JSON,
    /** A tag map, as MAP&lt;VARCHAR, VARCHAR&gt;. */
    TAGS
}
