package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SupportsPartitionPushDown;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Partition pruning for a scan under a filter: each conjunct of the filter that reads only partition columns
 * is evaluated, with generated code, on each partition the source lists ({@link SupportsPartitionPushDown});
 * a partition for which one of them is not TRUE is not read. Each partition value is given to the predicates as
 * the text of its directory name cast to the column's type; a conjunct whose cast fails rules nothing out (reading
 * the partition then reports the bad value). The filter still runs on the rows read.
 */
public final class PartitionPruner {
    private PartitionPruner() {
    }

    /**
     * Restricts {@code source} to the partitions that may satisfy {@code condition} (over {@code scanType}, the
     * scan's columns); returns the remaining partitions for the plan text, or null when nothing was pruned.
     */
    public static List<Map<String, String>> prune(ScanTableSource source, CatalogTable table, RelDataType scanType,
            RexNode condition, CodeGenerator codegen, RexBuilder rexBuilder) {
        List<String> keys = table.partitionKeys();
        if (condition == null || keys.isEmpty() || !(source instanceof SupportsPartitionPushDown)) {
            return null;
        }
        List<String> names = scanType.getFieldNames();
        int[] keyFields = new int[keys.size()];
        ImmutableBitSet.Builder keySet = ImmutableBitSet.builder();
        for (int k = 0; k < keys.size(); k++) {
            keyFields[k] = names.indexOf(keys.get(k));
            if (keyFields[k] < 0) {
                return null;
            }
            keySet.set(keyFields[k]);
        }
        ImmutableBitSet partitionColumns = keySet.build();
        List<RexNode> usable = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(condition)) {
            ImmutableBitSet used = RelOptUtil.InputFinder.bits(c);
            if (!used.isEmpty() && partitionColumns.contains(used) && RexUtil.isDeterministic(c)) {
                usable.add(c);
            }
        }
        if (usable.isEmpty()) {
            return null;
        }
        RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
        RelDataType text = io.sluice.codegen.RelTypes.toRelDataType(io.sluice.runtime.types.LogicalType.string(),
                typeFactory);
        RelDataTypeFactory.Builder textRow = typeFactory.builder();
        keys.forEach(k -> textRow.add(k, text));
        RelDataType textType = textRow.build();
        RexShuttle toText = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int k = indexOf(keyFields, ref.getIndex());
                RexNode value = new RexInputRef(k, text);
                return ref.getType().getSqlTypeName() == SqlTypeName.VARCHAR ? value
                        : rexBuilder.makeCast(ref.getType(), value, true, false);
            }
        };
        List<BatchPredicate> filters = new ArrayList<>();
        for (RexNode c : usable) {
            RexNode predicate = c.accept(toText);
            GeneratedClass<BatchPredicate> generated = codegen.generatePredicate("PartitionPruner(" + predicate + ")",
                    textType, predicate);
            filters.add(generated.newInstance());
        }
        SupportsPartitionPushDown pushDown = (SupportsPartitionPushDown) source;
        List<Map<String, String>> partitions = pushDown.listPartitions();
        List<Map<String, String>> remaining = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            for (Map<String, String> partition : partitions) {
                if (mayMatch(filters, keys, partition, allocator)) {
                    remaining.add(partition);
                }
            }
        }
        pushDown.applyPartitions(remaining);
        return remaining;
    }

    /**
     * Evaluates the conjuncts on one partition: false when one of them is not TRUE. A conjunct that fails (a
     * partition value that cannot be cast to its column's type) rules nothing out.
     */
    private static boolean mayMatch(List<BatchPredicate> filters, List<String> keys, Map<String, String> partition,
            RootAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>();
        for (String k : keys) {
            VarCharVector v = new VarCharVector(k, allocator);
            v.allocateNew(1);
            String value = partition.get(k);
            if (value == null) {
                v.setNull(0);
            } else {
                v.setSafe(0, value.getBytes(StandardCharsets.UTF_8));
            }
            v.setValueCount(1);
            vectors.add(v);
        }
        try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
            root.setRowCount(1);
            int[] selection = new int[1];
            for (BatchPredicate filter : filters) {
                try {
                    if (filter.filter(root, 1, selection) == 0) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    // the value is not of the column's type: reading the partition reports it
                }
            }
            return true;
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("not a partition column: $" + value);
    }
}
