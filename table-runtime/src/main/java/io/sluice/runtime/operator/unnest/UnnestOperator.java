package io.sluice.runtime.operator.unnest;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * {@code CROSS JOIN UNNEST(collection, ...) [WITH ORDINALITY]} and {@code LEFT JOIN UNNEST(...) ON TRUE}: every input
 * row is repeated once per element of its collection column, followed by the element's columns. An ARRAY or MULTISET
 * of ROWs gives one column per field, any other element one column; a MAP gives a key and a value column; a
 * MULTISET element appears as often as its count; WITH ORDINALITY adds the element's 1-based position as a last INT
 * column. Several collections are zipped by position: the row is repeated as often as the longest has elements, and
 * the columns of a collection with fewer elements are NULL in the rows past its end. A NULL collection counts as
 * empty; when all are empty the row gives no row (INNER) or one row with NULL element columns (LEFT).
 *
 * <p><b>Streaming semantics:</b> stateless; forwards watermarks. Every output row carries the row kind of the input
 * row it came from, so insert-only input gives insert-only output and a retraction of an input row retracts every
 * row produced for it.
 */
public final class UnnestOperator implements StreamOperator {
    private final RowType outputType;
    private final int[] keptColumns;
    private final int[] collectionColumns;
    private final LogicalType[] collectionTypes;
    /** The number of output columns of each collection's elements. */
    private final int[] elementWidths;
    /** Whether each collection's elements are split into their fields (a MAP's entries, ROW elements). */
    private final boolean[] splitElements;
    private final boolean withOrdinality;
    private final boolean leftJoin;

    private OperatorContext context;
    private Output output;

    /**
     * @param outputType the kept input columns, then the element columns (then the ordinality)
     * @param keptColumns input columns copied to the output, in order
     * @param collectionColumn the input column unnested
     * @param collectionType its type (ARRAY, MAP or MULTISET)
     * @param withOrdinality whether the last output column is the element's position
     * @param leftJoin whether a row with a NULL or empty collection is kept with NULL element columns
     */
    public UnnestOperator(RowType outputType, int[] keptColumns, int collectionColumn, LogicalType collectionType,
            boolean withOrdinality, boolean leftJoin) {
        this(outputType, keptColumns, new int[] {collectionColumn}, new LogicalType[] {collectionType},
                new int[] {outputType.size() - keptColumns.length - (withOrdinality ? 1 : 0)}, withOrdinality,
                leftJoin);
    }

    /**
     * Several collections zipped by position ({@code UNNEST(a, b, ...)}).
     *
     * @param outputType the kept input columns, then each collection's element columns (then the ordinality)
     * @param keptColumns input columns copied to the output, in order
     * @param collectionColumns the input columns unnested
     * @param collectionTypes their types (ARRAY, MAP or MULTISET)
     * @param elementWidths the number of output columns of each collection's elements (the fields of a ROW
     *     element, a MAP's key and value, otherwise 1)
     * @param withOrdinality whether the last output column is the elements' position
     * @param leftJoin whether a row whose collections are all NULL or empty is kept with NULL element columns
     */
    public UnnestOperator(RowType outputType, int[] keptColumns, int[] collectionColumns,
            LogicalType[] collectionTypes, int[] elementWidths, boolean withOrdinality, boolean leftJoin) {
        if (collectionColumns.length != collectionTypes.length || collectionColumns.length != elementWidths.length
                || keptColumns.length + java.util.stream.IntStream.of(elementWidths).sum() + (withOrdinality ? 1 : 0)
                        != outputType.size()) {
            throw new IllegalArgumentException("UNNEST output " + outputType + " does not fit "
                    + collectionColumns.length + " collection(s) of widths " + Arrays.toString(elementWidths));
        }
        this.outputType = outputType;
        this.keptColumns = keptColumns.clone();
        this.collectionColumns = collectionColumns.clone();
        this.collectionTypes = collectionTypes.clone();
        this.elementWidths = elementWidths.clone();
        this.splitElements = new boolean[collectionTypes.length];
        for (int i = 0; i < collectionTypes.length; i++) {
            LogicalType elementType = collectionTypes[i].root() == TypeRoot.MAP ? null
                    : collectionTypes[i].elementType();
            splitElements[i] = collectionTypes[i].root() == TypeRoot.MAP || (elementType != null
                    && elementType.root() == TypeRoot.ROW && elementWidths[i] == elementType.children().size());
        }
        this.withOrdinality = withOrdinality;
        this.leftJoin = leftJoin;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        RowBatch out;
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            out = RowBatch.allocate(outputType, context.allocator(), rows);
            try {
                int[] sources = new int[Math.max(16, rows)];
                int written = 0;
                Object[][] elements = new Object[collectionColumns.length][];
                for (int r = 0; r < rows; r++) {
                    int count = 0;
                    for (int i = 0; i < elements.length; i++) {
                        FieldVector collection = batch.vector(collectionColumns[i]);
                        elements[i] = elements(collectionTypes[i], VectorValues.get(collectionTypes[i], collection, r));
                        count = Math.max(count, elements[i].length);
                    }
                    boolean padded = count == 0 && leftJoin;
                    for (int k = 0; k < (padded ? 1 : count); k++) {
                        if (written == sources.length) {
                            sources = Arrays.copyOf(sources, written * 2);
                        }
                        sources[written] = r;
                        write(batch, r, out, written++, elements, k, padded ? 0 : k + 1);
                    }
                }
                if (written == 0) {
                    out.close();
                    return;
                }
                out.setRowCount(written);
                if (!batch.isInsertOnly()) {
                    TinyIntVector in = batch.rowKinds();
                    TinyIntVector kinds = new TinyIntVector("$row_kind", context.allocator());
                    kinds.allocateNew(written);
                    for (int k = 0; k < written; k++) {
                        kinds.set(k, in.get(sources[k]));
                    }
                    kinds.setValueCount(written);
                    out.setRowKinds(kinds);
                }
            } catch (Throwable t) {
                out.close();
                throw t;
            }
        }
        output.emit(out);
    }

    /** The elements of a collection value (map entries as key/value rows, multiset elements repeated). */
    private static Object[] elements(LogicalType collectionType, Object value) {
        if (value == null) {
            return new Object[0];
        }
        if (collectionType.root() == TypeRoot.ARRAY) {
            return (Object[]) value;
        }
        Map<?, ?> map = (Map<?, ?>) value;
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (collectionType.root() == TypeRoot.MAP) {
                out.add(Row.of(e.getKey(), e.getValue()));
            } else {
                for (int n = ((Number) e.getValue()).intValue(); n > 0; n--) {
                    out.add(e.getKey());
                }
            }
        }
        return out.toArray();
    }

    /**
     * Writes output row {@code pos}: kept columns of input row {@code r}, then element {@code k} of each collection
     * (NULL columns past a collection's end), then the ordinality (NULL when 0).
     */
    private void write(RowBatch in, int r, RowBatch out, int pos, Object[][] elements, int k, int ordinal) {
        int c = 0;
        for (int kept : keptColumns) {
            out.vector(c++).copyFromSafe(r, pos, in.vector(kept));
        }
        for (int i = 0; i < elements.length; i++) {
            Object element = k < elements[i].length ? elements[i][k] : null;
            boolean fields = splitElements[i];
            for (int f = 0; f < elementWidths[i]; f++) {
                Object v = element == null ? null : fields ? ((Row) element).getField(f) : element;
                VectorValues.set(outputType.type(c), out.vector(c), pos, v);
                c++;
            }
        }
        if (withOrdinality) {
            VectorValues.set(outputType.type(c), out.vector(c), pos, ordinal == 0 ? null : ordinal);
        }
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() {
    }
}
