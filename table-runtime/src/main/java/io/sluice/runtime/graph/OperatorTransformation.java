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
    /** Non-null: this node consumes the side output of this tag of its single input, not its main output. */
    private String sideOutputTag;
    /** The operator can hand the rows it finds late to a late-rows side output. */
    private boolean lateRowOutput;

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

    /**
     * Makes this node consume the side output tagged {@code tag} of its single input instead of that input's main
     * output (batches only; watermarks, barriers and the end of input come as from a main output); returns this.
     */
    public OperatorTransformation consumingSideOutput(String tag) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("a side output is consumed by a node with one input, not "
                    + inputs.size());
        }
        this.sideOutputTag = tag;
        return this;
    }

    /** The tag of the side output of its input this node consumes, or null for the input's main output. */
    public String sideOutputTag() {
        return sideOutputTag;
    }

    /**
     * Marks the operator as one that emits the rows it finds late on its
     * {@link io.sluice.runtime.operator.late.LateRows#SIDE_OUTPUT late-rows side output} when a node consumes
     * it; returns this node.
     */
    public OperatorTransformation withLateRowOutput() {
        this.lateRowOutput = true;
        return this;
    }

    public boolean hasLateRowOutput() {
        return lateRowOutput;
    }

    /** The tag of the side output {@code consumer} reads from its input, or null for the main output. */
    public static String sideOutputTagOf(Transformation consumer) {
        return consumer instanceof OperatorTransformation o ? o.sideOutputTag : null;
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
