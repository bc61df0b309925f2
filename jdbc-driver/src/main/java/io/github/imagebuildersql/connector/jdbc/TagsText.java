package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * {@code CAST(tags AS VARCHAR)}: the tags' JSON text, the same as getString. Calcite has no cast from
 * MAP to a string (its type derivation insists on a MAP target), so before validation such a cast of a
 * tags column becomes {@code CAST(TAGS_TEXT(tags) AS VARCHAR)}, a function every connection's root
 * schema has.
 */
public final class TagsText {
    static final String FUNCTION = "TAGS_TEXT";
    private TagsText() {}

    /** The function's body: the map's JSON text (TagMap.toString), null for null. */
    public static String text(Object tags) {
        return tags == null ? null : tags.toString();
    }

    /**
     * The function as Calcite sees it, built when a statement first needs it: building it loads Calcite's
     * table of every operator's implementation (about 200 ms of a new JVM), which a plan read from the plan
     * cache never uses.
     */
    static Function function() {
        return new LazyFunction();
    }

    private static final class LazyFunction implements ScalarFunction, ImplementableFunction {
        private ScalarFunctionImpl built;

        private synchronized ScalarFunctionImpl built() {
            if (built == null) {
                built = (ScalarFunctionImpl) ScalarFunctionImpl.create(TagsText.class, "text");
            }
            return built;
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return built().getReturnType(typeFactory);
        }

        /** The method's one parameter, as Calcite would derive it; asked for by the schema as soon as it is added. */
        @Override
        public List<FunctionParameter> getParameters() {
            return List.of(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return 0;
                }

                @Override
                public String getName() {
                    return "tags";
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory) {
                    return typeFactory.createJavaType(Object.class);
                }

                @Override
                public boolean isOptional() {
                    return false;
                }
            });
        }

        @Override
        public CallImplementor getImplementor() {
            return built().getImplementor();
        }
    }

    /** Rewrites the casts in statements this thread parses until the returned handle is closed. */
    static Hook.Closeable rewriteCasts() {
        return Hook.PARSE_TREE.addThread((Object[] sqlAndTree) -> ((SqlNode) sqlAndTree[1]).accept(REWRITE));
    }

    private static final SqlBasicVisitor<Void> REWRITE = new SqlBasicVisitor<>() {
        @Override
        public Void visit(SqlCall call) {
            if (call.getKind() == SqlKind.CAST && call.operandCount() == 2 && isTags(call.operand(0))
                    && call.operand(1) instanceof SqlDataTypeSpec type
                    && Set.of("VARCHAR", "CHAR").contains(type.getTypeName().getSimple().toUpperCase(Locale.ROOT))) {
                SqlParserPos pos = call.getParserPosition();
                call.setOperand(0, new SqlBasicCall(new SqlUnresolvedFunction(new SqlIdentifier(FUNCTION, pos), null,
                        null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION),
                        new SqlNode[] {call.operand(0)}, pos));
                return null;
            }
            return super.visit(call);
        }
    };

    private static boolean isTags(SqlNode node) {
        return node instanceof SqlIdentifier id && !id.isStar()
                && TagColumns.NAMES.contains(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
    }

    /** Read when a statement is parsed, which a plan from the plan cache is not: it loads every table. */
    private static final class TagColumns {
        static final Set<String> NAMES = Tables.all().stream()
                .flatMap(t -> t.columns().stream()).filter(c -> c.type() == ColumnType.TAGS)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
