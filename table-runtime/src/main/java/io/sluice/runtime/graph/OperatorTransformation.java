package io.sluice.runtime.graph;

import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * Runs a {@link io.sluice.runtime.operator.StreamOperator} over one or more inputs. In batch mode the
 * executor drains inputs in {@link #inputReadOrder()} (e.g. a hash join's build side first).
 */
public final class OperatorTransformation extends Transformation {
    private final List<Transformation> inputs;
    private OperatorFactory factory;
    /** The operator can leave out {@code -U} rows ({@link io.sluice.runtime.operator.UpdateBeforeOptional}). */
    private boolean updateBeforeOptional;
    /** Only projects its single input (no filter): its output needs {@code -U} rows exactly when its input does. */
    private boolean projectionOnly;
    private final int[] inputReadOrder;

    public OperatorTransformation(String name, List<Transformation> inputs, OperatorFactory factory,
            RowType outputType) {
        this(name, inputs, factory, outputType, null);
    }

    public OperatorTransformation(String name, List<Transformation> inputs, OperatorFactory factory,
            RowType outputType, int[] inputReadOrder) {
        super(name, outputType);
        this.inputs = List.copyOf(inputs);
        this.factory = factory;
        if (inputReadOrder == null) {
            inputReadOrder = new int[inputs.size()];
            for (int i = 0; i < inputReadOrder.length; i++) {
                inputReadOrder[i] = i;
            }
        }
        this.inputReadOrder = inputReadOrder;
    }

    public OperatorFactory factory() {
        return factory;
    }

    /** Marks the operator as one that can leave out {@code -U} rows; returns this node. */
    public OperatorTransformation withUpdateBeforeOptional() {
        this.updateBeforeOptional = true;
        return this;
    }

    /** Marks this node as a projection of its single input without a filter; returns this node. */
    public OperatorTransformation withProjectionOnly() {
        this.projectionOnly = true;
        return this;
    }

    public boolean isUpdateBeforeOptional() {
        return updateBeforeOptional;
    }

    public boolean isProjectionOnly() {
        return projectionOnly;
    }

    /**
     * Makes the operator this node creates emit no {@code -U} rows and removes them from its changelog mode
     * (only for nodes {@link #withUpdateBeforeOptional marked} so).
     */
    public void dropUpdateBefore() {
        if (!updateBeforeOptional) {
            throw new IllegalStateException(name() + " cannot leave out update-before rows");
        }
        OperatorFactory inner = factory;
        factory = () -> {
            io.sluice.runtime.operator.StreamOperator op = inner.create();
            ((io.sluice.runtime.operator.UpdateBeforeOptional) op).dropUpdateBefore();
            return op;
        };
        withChangelogMode(changelogMode().without(io.sluice.types.RowKind.UPDATE_BEFORE));
    }

    /** The order in which a bounded execution should drain this operator's inputs. */
    public int[] inputReadOrder() {
        return inputReadOrder;
    }

    @Override
    public List<Transformation> inputs() {
        return inputs;
    }
}
