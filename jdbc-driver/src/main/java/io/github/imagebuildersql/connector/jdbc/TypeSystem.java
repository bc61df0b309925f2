package io.github.imagebuildersql.connector.jdbc;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Types where standard SQL surprises a BI user. {@code CASE WHEN ... THEN 'AMI' ELSE 'container' END} is
 * CHAR(9) in standard SQL, so 'AMI' comes back padded with six blanks; BI tools write such expressions all
 * the time, and here they are VARCHAR. The average of whole numbers is a DOUBLE, as in Trino and Spark, not
 * the argument's type (standard SQL, Calcite's default: 7 failures over 8 pipelines averaging 0).
 */
public final class TypeSystem extends RelDataTypeSystemImpl {
    public static final TypeSystem INSTANCE = new TypeSystem();

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory types, RelDataType argument) {
        if (SqlTypeUtil.isIntType(argument)) {
            return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), argument.isNullable());
        }
        return super.deriveAvgAggType(types, argument);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
