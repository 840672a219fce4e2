package io.sluice.planner.physical;

import java.util.function.Predicate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * A rule of {@link PhysicalRules}: converts a logical node (convention {@code NONE}) of one class into a physical
 * one ({@link PhysicalRel#SLUICE}), or returns null when the node is not its case.
 */
abstract class PhysicalConverterRule extends ConverterRule {
    /** A rule for the logical nodes of {@code type} that satisfy {@code predicate}, named {@code name}. */
    <R extends RelNode> PhysicalConverterRule(Class<R> type, Predicate<? super R> predicate, String name) {
        super(Config.INSTANCE.withConversion(type, predicate, Convention.NONE, PhysicalRel.SLUICE, name));
    }

    /** A rule for every logical node of {@code type}, named {@code name}. */
    PhysicalConverterRule(Class<? extends RelNode> type, String name) {
        this(type, r -> true, name);
    }

    /** The traits of {@code rel} in the physical convention. */
    static RelTraitSet physical(RelNode rel) {
        return rel.getTraitSet().replace(PhysicalRel.SLUICE);
    }
}
