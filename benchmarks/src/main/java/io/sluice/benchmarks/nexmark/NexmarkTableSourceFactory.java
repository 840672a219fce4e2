package io.sluice.benchmarks.nexmark;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark-only {@code 'connector' = 'nexmark'} factory: a deterministic generator of the
 * Nexmark {@code person}, {@code auction} and {@code bid} tables ({@code 'table'} option), all cut from
 * one stream of {@code 'events'} events in the standard 1 : 3 : 46 mix whose event time advances
 * {@code 'events-per-second'} events per second (see {@link NexmarkModel}). The declared physical
 * columns must be columns of the chosen table (by name, any order, any subset) with its types: BIGINT,
 * STRING (or VARCHAR(n)) and TIMESTAMP(3). Declare
 * {@code WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND} for event time.
 */
public final class NexmarkTableSourceFactory implements DynamicTableSourceFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "nexmark";
    /** {@code person}, {@code auction} or {@code bid}. */
    public static final ConfigOption<String> TABLE = ConfigOptions.key("table").stringType().noDefaultValue()
            .withDescription("Which Nexmark table: 'person', 'auction' or 'bid'.");
    /** Length of the stream in events of all kinds; absent means unbounded. */
    public static final ConfigOption<Long> EVENTS = ConfigOptions.key("events").longType().noDefaultValue()
            .withDescription("Number of events of the whole stream (persons + auctions + bids); unbounded if absent.");
    /** Seed of the random draws. */
    public static final ConfigOption<Long> SEED = ConfigOptions.key("seed").longType().defaultValue(0L)
            .withDescription("Seed of every random value; equal seeds give equal tables.");
    /** Event-time rate of the stream. */
    public static final ConfigOption<Long> EVENTS_PER_SECOND = ConfigOptions.key("events-per-second").longType()
            .defaultValue(NexmarkModel.DEFAULT_EVENTS_PER_SECOND)
            .withDescription("Events of the stream per second of event time (not a rate limit).");
    /** Event time of the first event. */
    public static final ConfigOption<Long> BASE_TIME = ConfigOptions.key("base-time").longType()
            .defaultValue(NexmarkModel.DEFAULT_BASE_TIME)
            .withDescription("Event time of event 0 in epoch milliseconds.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(TABLE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(EVENTS, SEED, EVENTS_PER_SECOND, BASE_TIME);
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FactoryUtil.validateOptions(context.tableName(), this, context.options(),
                loader != null ? loader : NexmarkTableSourceFactory.class.getClassLoader());
        String name = context.get(TABLE);
        NexmarkTable table;
        try {
            table = NexmarkTable.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table " + context.tableName()
                    + ": option 'table' must be 'person', 'auction' or 'bid', got '" + name + "'");
        }
        Long events = context.get(EVENTS);
        if (events != null && events < 0) {
            throw new ValidationException("Table " + context.tableName() + ": option 'events' must be >= 0");
        }
        long rate = context.get(EVENTS_PER_SECOND);
        if (rate <= 0) {
            throw new ValidationException("Table " + context.tableName() + ": option 'events-per-second' must be > 0");
        }
        NexmarkConfig config = new NexmarkConfig(table, events == null ? Long.MAX_VALUE : events,
                context.get(SEED), rate, context.get(BASE_TIME));
        return new NexmarkTableSource(config, mapColumns(context.tableName(), table, context.physicalRowType()));
    }

    private static int[] mapColumns(String tableName, NexmarkTable table, RowType declared) {
        int[] fields = new int[declared.size()];
        for (int i = 0; i < fields.length; i++) {
            int field = table.indexOf(declared.name(i));
            if (field < 0) {
                throw new ValidationException("Table " + tableName + ": column " + declared.name(i)
                        + " is not a column of the Nexmark " + table.name().toLowerCase(Locale.ROOT) + " table "
                        + table.columns());
            }
            if (declared.type(i).root() != table.root(field)
                    || (table.root(field) == io.sluice.runtime.types.TypeRoot.TIMESTAMP
                        && declared.type(i).precision() != 3)) {
                throw new ValidationException("Table " + tableName + ": column " + declared.name(i) + " must be "
                        + table.type(field).typeName() + ", not " + declared.type(i).typeName());
            }
            fields[i] = field;
        }
        return fields;
    }
}
