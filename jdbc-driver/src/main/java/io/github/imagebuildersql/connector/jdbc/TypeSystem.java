package io.github.imagebuildersql.connector.jdbc;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * {@code CASE WHEN ... THEN 'AMI' ELSE 'container' END} is CHAR(9) in standard SQL, so 'AMI' comes
 * back padded with six blanks. BI tools write such expressions all the time; here they are VARCHAR.
 */
public final class TypeSystem extends RelDataTypeSystemImpl {
    public static final TypeSystem INSTANCE = new TypeSystem();

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
