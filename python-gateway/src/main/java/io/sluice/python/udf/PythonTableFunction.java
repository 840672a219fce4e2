package io.sluice.python.udf;

import io.sluice.codegen.udf.TypeStrings;
import io.sluice.runtime.types.RowType;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.TableFunction;
import io.sluice.types.Row;
import java.util.List;

/**
 * Base class of the generated table functions that run a Python function ({@code @udtf}): the generated subclass
 * carries the ROW type as its {@code @DataTypeHint} and typed {@code eval} methods that call {@link #invokeTable},
 * which emits the rows the Python function returned or yielded for one input row.
 */
public abstract class PythonTableFunction extends TableFunction<Row> {
    private static final long serialVersionUID = 1L;

    private PythonWorkerHandle python;
    private transient io.sluice.runtime.types.LogicalType[] fieldTypes;

    /** Sets what the worker needs; called once on the registered instance. */
    public final void configure(PythonFunctionSpec spec) {
        this.python = new PythonWorkerHandle(spec);
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        python.open(context);
    }

    /** Calls the Python function for one input row and emits its rows. */
    protected final void invokeTable(Object[] args) {
        if (fieldTypes == null) {
            RowType row = TypeStrings.parseRow(python.spec.resultType);
            fieldTypes = new io.sluice.runtime.types.LogicalType[row.size()];
            for (int i = 0; i < fieldTypes.length; i++) {
                fieldTypes[i] = row.type(i);
            }
        }
        List<Object[]> rows = worker().callTable(args, fieldTypes);
        for (Object[] fields : rows) {
            collect(Row.of(fields));
        }
    }

    private PythonWorker worker() {
        return python.worker();
    }

    @Override
    public boolean isDeterministic() {
        return python.spec.deterministic;
    }

    @Override
    public void close() throws Exception {
        python.close();
    }

    @Override
    public String toString() {
        return "Python table function " + python.spec.name;
    }
}
