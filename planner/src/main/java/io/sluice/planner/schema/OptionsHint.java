package io.sluice.planner.schema;

import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.table.api.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.hint.RelHint;

/**
 * Flink's dynamic table options: {@code SELECT * FROM t /*+ OPTIONS('k' = 'v') *}{@code /} gives that one scan of
 * {@code t} the table's options overridden and extended by the hint's; they are checked against the connector like
 * the table's own. {@code table.dynamic-table-options.enabled = false} turns the hint into an error.
 */
public final class OptionsHint {
    /** The hint's name, as written in SQL (case does not matter). */
    public static final String NAME = "OPTIONS";

    private OptionsHint() {
    }

    /** The options of the {@code OPTIONS} hints among {@code hints} (later ones win), empty when there are none. */
    public static Map<String, String> options(List<RelHint> hints, ObjectIdentifier table, Configuration config) {
        Map<String, String> options = new LinkedHashMap<>();
        for (RelHint h : hints) {
            if (!h.hintName.equalsIgnoreCase(NAME)) {
                continue;
            }
            if (!h.listOptions.isEmpty() || h.kvOptions.isEmpty()) {
                throw new ValidationException("Hint [" + NAME + "] only support non empty key value options; table "
                        + table + " was given " + (h.listOptions.isEmpty() ? "none" : h.listOptions) + ".");
            }
            options.putAll(h.kvOptions);
        }
        if (!options.isEmpty() && !config.get(ExecutionOptions.DYNAMIC_TABLE_OPTIONS_ENABLED)) {
            throw new ValidationException("OPTIONS hint is allowed only when "
                    + ExecutionOptions.DYNAMIC_TABLE_OPTIONS_ENABLED.key() + " is set to true (table " + table + ").");
        }
        return options;
    }
}
