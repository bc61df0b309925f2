package io.github.imagebuildersql.connector.jdbc;

import java.util.function.Consumer;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Sarg;

/**
 * An IN list the scan applies itself may be of any length; one left to Calcite's generated code (on a column
 * the scan cannot compare, or ORed with a condition on another column) becomes nested code that Calcite spends
 * tens of seconds generating and then cannot run ("too deeply nested", somewhere past 500 values). Such a plan
 * is refused before its code is generated, at once, naming the list.
 */
final class InListLimit {
    /** The longest list Calcite's code generation has been seen to handle (500 runs; 1,000 overflows). */
    static final int MAX_VALUES = 500;

    private InListLimit() {}

    /** Checks every plan this thread prepares until closed. */
    static Hook.Closeable check() {
        return Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((Consumer<RelRoot>) root -> check(root.rel));
    }

    private static void check(RelNode plan) {
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                node.accept(new RexShuttle() {
                    @Override
                    public RexNode visitLiteral(RexLiteral literal) {
                        // An IN list is a SEARCH over a Sarg literal; in a Calc, the literal is one of its expressions.
                        Sarg<?> sarg = literal.getValue() instanceof Sarg<?> s ? s : null;
                        int values = sarg == null ? 0 : sarg.rangeSet.asRanges().size();
                        if (values > MAX_VALUES) {
                            throw new StatementTooComplexException("an IN list of " + values + " values that the scan "
                                    + "cannot apply itself (on a column other than a plain text or integer one, or ORed "
                                    + "with a condition on another column) is more than Calcite can compile ("
                                    + MAX_VALUES + "); make the IN list a condition of its own, ANDed with the others, "
                                    + "or split it");
                        }
                        return literal;
                    }
                });
                super.visit(node, ordinal, parent);
            }
        }.go(plan);
    }

    /** A statement the engine cannot run as written; the message says how to rewrite it. */
    static final class StatementTooComplexException extends RuntimeException {
        StatementTooComplexException(String message) {
            super(message);
        }
    }
}
