package io.sluice.python;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.python.collect.CollectedColumns;
import io.sluice.python.collect.ColumnCollectSinkFactory;
import io.sluice.table.api.Column;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TableEnvironment;
import java.util.List;
import java.util.UUID;

/**
 * {@code to_pandas} of a batch-mode table: the table is inserted into a temporary {@code python-collect} sink table,
 * which builds the column buffers straight from the engine's Arrow batches, so a million rows cost no row objects.
 */
final class ColumnCollect {
    private ColumnCollect() {
    }

    static ObjectNode toColumns(TableEnvironment env, Table table, GatewaySession.Reply reply) throws Exception {
        ResolvedSchema schema = table.getResolvedSchema();
        String id = UUID.randomUUID().toString().replace("-", "");
        String name = "__python_collect_" + id;
        Schema.Builder columns = Schema.newBuilder();
        for (Column c : schema.getColumns()) {
            columns.column(c.getName(), c.getDataType());
        }
        env.createTemporaryTable(name, TableDescriptor.forConnector(ColumnCollectSinkFactory.IDENTIFIER)
                .schema(columns.build()).option(ColumnCollectSinkFactory.COLLECT_ID.key(), id).build());
        CollectedColumns.open(id, schema.toRowType());
        CollectedColumns collected;
        try {
            table.executeInsert(name).await();
        } finally {
            collected = CollectedColumns.take(id);
            env.dropTemporaryTable(name);
        }
        if (collected.isChangelog()) {
            return ResultFetcher.all(table.execute(), reply);
        }
        ObjectNode n = reply.json.objectNode();
        n.put("n", collected.rows());
        ArrayNode names = n.putArray("names");
        ArrayNode types = n.putArray("types");
        ArrayNode kinds = n.putArray("kinds");
        List<String> wire = collected.kinds();
        for (int c = 0; c < schema.getColumnCount(); c++) {
            names.add(schema.getColumns().get(c).getName());
            types.add(schema.getColumns().get(c).getDataType().getLogicalType().typeName());
            kinds.add(wire.get(c));
        }
        reply.buffers.addAll(collected.buffers());
        return n;
    }
}
