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
    private final OperatorFactory factory;
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

    /** The order in which a bounded execution should drain this operator's inputs. */
    public int[] inputReadOrder() {
        return inputReadOrder;
    }

    @Override
    public List<Transformation> inputs() {
        return inputs;
    }
}
