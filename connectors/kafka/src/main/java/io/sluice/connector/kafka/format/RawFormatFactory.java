package io.sluice.connector.kafka.format;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.Set;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * The {@code 'format' = 'raw'} factory: a message's bytes are the value of the table's single column, which is
 * a STRING (UTF-8 text) or BYTES column; a NULL value is a message without bytes (a tombstone).
 */
public final class RawFormatFactory implements MessageFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "raw";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public MessageDecoder createMessageDecoder(TableContext context, int[] projectedFields) {
        check(context);
        return (message, batch, position) -> {
            int row = batch.rowCount();
            if (projectedFields.length == 1) {
                ((BaseVariableWidthVector) batch.vector(0)).setSafe(row, message);
            }
            batch.setRowCount(row + 1);
            return true;
        };
    }

    @Override
    public MessageEncoder createMessageEncoder(TableContext context) {
        check(context);
        return (RowBatch batch) -> {
            BaseVariableWidthVector v = (BaseVariableWidthVector) batch.vector(0);
            byte[][] messages = new byte[batch.rowCount()][];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = v.isNull(i) ? null : v.get(i);
            }
            return messages;
        };
    }

    private static void check(TableContext context) {
        if (context.physicalRowType().size() != 1) {
            throw new ValidationException("The 'raw' format of table " + context.tableName()
                    + " supports only one physical column, but found " + context.physicalRowType().size() + ".");
        }
        LogicalType t = context.physicalRowType().type(0);
        if (t.root() != TypeRoot.VARCHAR && t.root() != TypeRoot.CHAR && t.root() != TypeRoot.VARBINARY
                && t.root() != TypeRoot.BINARY) {
            throw new UnsupportedFeatureException("the 'raw' format for type " + t.typeName()
                    + " (STRING and BYTES columns are supported)");
        }
    }
}
