package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.MaterializedTableDefinition;
import io.sluice.planner.catalog.MaterializedTableDefinition.LogicalRefreshMode;
import io.sluice.planner.catalog.MaterializedTableDefinition.RefreshMode;
import io.sluice.planner.catalog.MaterializedTableDefinition.RefreshStatus;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.sql.parser.ast.AlterMaterializedTableStatement;
import io.sluice.sql.parser.ast.CreateMaterializedTableStatement;
import io.sluice.sql.parser.ast.DropMaterializedTableStatement;
import io.sluice.sql.parser.ast.SqlFragment;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Materialized tables, as Flink 2.x defines them, run in this process: {@code CREATE [OR ALTER] MATERIALIZED TABLE}
 * derives the table's columns from its query, stores the table with its definition and starts its refresh pipeline;
 * {@code ALTER MATERIALIZED TABLE ... SUSPEND | RESUME | REFRESH | AS query} and {@code DROP MATERIALIZED TABLE}
 * manage it. A table refreshed continuously has a streaming job that inserts (or upserts) the query's rows into the
 * table's connector, checkpointing at the freshness interval unless the session sets
 * {@code execution.checkpointing.interval}; a table refreshed in full is overwritten by a batch job every freshness
 * interval (and on {@code REFRESH}). Refresh jobs run in a session of their own that shares this session's catalogs
 * (so they see the catalog's tables and functions, not this session's temporary objects), with this session's
 * options.
 */
final class MaterializedTables {
    private static final String PARTITION_FIELDS = "partition.fields.";
    private static final String DATE_FORMATTER = ".date-formatter";

    private final TableEnvironmentImpl env;

    MaterializedTables(TableEnvironmentImpl env) {
        this.env = env;
    }

    private CatalogManager catalogs() {
        return env.catalogs();
    }

    private Configuration config() {
        return env.configuration();
    }

    // ------------------------------------------------------------------ CREATE

    TableResult create(CreateMaterializedTableStatement s) {
        ObjectIdentifier id = catalogs().qualify(s.name().parts());
        if (catalogs().getObject(id).isPresent()) {
            if (s.isOrAlter()) {
                return alterQuery(id, materialized(id), s.query());
            }
            if (s.isIfNotExists()) {
                return TableResultImpl.ok(config());
            }
        }
        LogicalRefreshMode logicalMode = s.refreshMode() == null ? LogicalRefreshMode.AUTOMATIC
                : s.refreshMode() == CreateMaterializedTableStatement.RefreshMode.FULL ? LogicalRefreshMode.FULL
                : LogicalRefreshMode.CONTINUOUS;
        String[] freshness = s.freshnessValue() != null ? freshness(s.freshnessValue(), s.freshnessUnit())
                : interval(config().get(logicalMode == LogicalRefreshMode.FULL
                        ? MaterializedTableOptions.DEFAULT_FRESHNESS_FULL
                        : MaterializedTableOptions.DEFAULT_FRESHNESS_CONTINUOUS));
        RefreshMode mode = logicalMode == LogicalRefreshMode.FULL ? RefreshMode.FULL
                : logicalMode == LogicalRefreshMode.CONTINUOUS ? RefreshMode.CONTINUOUS
                : durationOf(freshness).compareTo(config().get(MaterializedTableOptions.FRESHNESS_THRESHOLD)) < 0
                        ? RefreshMode.CONTINUOUS : RefreshMode.FULL;
        if (mode == RefreshMode.FULL) {
            checkFullModeFreshness(freshness);
        }
        RowType rowType = StatementExecutor.inFragment(s.query(),
                () -> RelTypes.toRowType(env.planner().validatedRowType(s.query().text())));
        checkPartitionKeys(rowType, s.partitionKeys(), s.options());
        TableDraft draft = new TableDraft();
        for (int i = 0; i < rowType.size(); i++) {
            draft.columns.add(CatalogColumn.physical(rowType.name(i), rowType.type(i)));
        }
        if (s.primaryKey() != null) {
            draft.primaryKey = s.primaryKey().columns();
            draft.primaryKeyName = s.primaryKey().constraintName();
            draft.primaryKeyPosition = s.primaryKey().position();
        }
        draft.comment = s.comment();
        draft.partitionKeys = s.partitionKeys();
        draft.options.putAll(s.options());
        String query = s.query().text();
        MaterializedTableDefinition definition = new MaterializedTableDefinition(query, expanded(query),
                freshness[0], freshness[1], logicalMode, mode, RefreshStatus.INITIALIZING, null);
        CatalogTable table = keyColumnsNotNull(draft.finish(env, id)).withMaterialized(definition);
        catalogs().createObject(id, table, false, false);
        try {
            start(id, table, Map.of());
        } catch (RuntimeException e) {
            catalogs().dropObject(id, false, true);
            throw new TableException((mode == RefreshMode.CONTINUOUS ? "Submit continuous refresh job for"
                    + " materialized table " : "Failed to create refresh workflow for materialized table ")
                    + id.asSerializableString() + (mode == RefreshMode.CONTINUOUS ? " occur exception." : ".")
                    + " Reason: " + e.getMessage(), e);
        }
        return TableResultImpl.ok(config());
    }

    /** The key columns of a materialized table are NOT NULL, as Flink makes them. */
    private static CatalogTable keyColumnsNotNull(CatalogTable t) {
        if (t.primaryKey().isEmpty()) {
            return t;
        }
        List<CatalogColumn> columns = new ArrayList<>();
        for (CatalogColumn c : t.columns()) {
            columns.add(t.primaryKey().contains(c.name()) && c.type().isNullable()
                    ? CatalogColumn.physical(c.name(), c.type().copy(false), c.comment()) : c);
        }
        return t.withColumns(columns);
    }

    /** The query with its names qualified, or as written when the validator's form would not read back. */
    private String expanded(String query) {
        String expanded = env.expandedQuery(query);
        return expanded != null ? expanded : query;
    }

    /** {interval, unit} of a written FRESHNESS, checked as Flink checks it. */
    static String[] freshness(String value, String unitText) {
        String unit = unitText.toUpperCase(Locale.ROOT);
        if (unit.endsWith("S")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        if (value.strip().startsWith("-")) {
            throw new ValidationException("Materialized table freshness doesn't support negative value.");
        }
        if (!List.of("SECOND", "MINUTE", "HOUR", "DAY").contains(unit)) {
            throw new ValidationException(
                    "Materialized table freshness only support SECOND, MINUTE, HOUR, DAY as the time unit.");
        }
        String number = value.strip();
        if (!number.matches("[0-9]+") || Long.parseLong(number) == 0) {
            throw new ValidationException("Materialized table freshness only supports a positive integer interval,"
                    + " but was '" + value + "'.");
        }
        return new String[] {String.valueOf(Long.parseLong(number)), unit};
    }

    /** A duration as {interval, unit} in the largest unit that divides it. */
    private static String[] interval(Duration d) {
        long s = d.getSeconds();
        if (s > 0 && s % 86400 == 0) {
            return new String[] {String.valueOf(s / 86400), "DAY"};
        }
        if (s > 0 && s % 3600 == 0) {
            return new String[] {String.valueOf(s / 3600), "HOUR"};
        }
        if (s > 0 && s % 60 == 0) {
            return new String[] {String.valueOf(s / 60), "MINUTE"};
        }
        return new String[] {String.valueOf(Math.max(1, s)), "SECOND"};
    }

    private static Duration durationOf(String[] freshness) {
        return new MaterializedTableDefinition("", "", freshness[0], freshness[1], LogicalRefreshMode.AUTOMATIC,
                RefreshMode.FULL, RefreshStatus.INITIALIZING, null).freshness();
    }

    /** A full refresh runs on a schedule that divides the minute, hour or day evenly, as Flink's cron schedules do. */
    private static void checkFullModeFreshness(String[] freshness) {
        long n = Long.parseLong(freshness[0]);
        switch (freshness[1]) {
            case "SECOND":
            case "MINUTE":
                if (n >= 60 || 60 % n != 0) {
                    throw new ValidationException("In full refresh mode, only freshness that are factors of 60 are"
                            + " currently supported when the time unit is " + freshness[1] + ".");
                }
                break;
            case "HOUR":
                if (n >= 24 || 24 % n != 0) {
                    throw new ValidationException("In full refresh mode, only freshness that are factors of 24 are"
                            + " currently supported when the time unit is HOUR.");
                }
                break;
            default:
                if (n != 1) {
                    throw new ValidationException(
                            "In full refresh mode, freshness must be 1 when the time unit is DAY.");
                }
        }
    }

    private static void checkPartitionKeys(RowType rowType, List<String> partitionKeys, Map<String, String> options) {
        for (String k : partitionKeys) {
            if (rowType.indexOf(k) < 0) {
                throw new ValidationException("Partition column '" + k + "' not defined in the query's schema."
                        + " Available columns: [" + quoted(rowType.names()) + "].");
            }
        }
        for (String option : options.keySet()) {
            if (!option.startsWith(PARTITION_FIELDS) || !option.endsWith(DATE_FORMATTER)) {
                continue;
            }
            String k = option.substring(PARTITION_FIELDS.length(), option.length() - DATE_FORMATTER.length());
            if (!partitionKeys.contains(k)) {
                throw new ValidationException("Column '" + k + "' referenced by materialized table option '" + option
                        + "' isn't a partition column. Available partition columns: [" + quoted(partitionKeys)
                        + "].");
            }
            LogicalType type = rowType.type(rowType.indexOf(k));
            if (!isCharacterString(type)) {
                throw new ValidationException("Materialized table option '" + option + "' only supports referring to"
                        + " char, varchar and string type partition column. Column `" + k + "` type is " + type
                        + ".");
            }
        }
    }

    private static boolean isCharacterString(LogicalType type) {
        String t = type.toString().toUpperCase(Locale.ROOT);
        return t.startsWith("CHAR") || t.startsWith("VARCHAR") || t.startsWith("STRING");
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ ALTER / DROP

    TableResult alter(AlterMaterializedTableStatement s) {
        ObjectIdentifier id = catalogs().qualify(s.name().parts());
        CatalogTable table = materialized(id);
        switch (s.action()) {
            case SUSPEND:
                suspend(id, table);
                return TableResultImpl.ok(config());
            case RESUME:
                resume(id, table, s.options());
                return TableResultImpl.ok(config());
            case REFRESH:
                return refreshNow(id, table, s.options());
            default:
                return alterQuery(id, table, s.query());
        }
    }

    TableResult drop(DropMaterializedTableStatement s) {
        ObjectIdentifier id = catalogs().qualify(s.name().parts());
        if (catalogs().getObject(id).isEmpty()) {
            if (s.isIfExists()) {
                return TableResultImpl.ok(config());
            }
            throw new ValidationException("Materialized table with identifier " + id.asSerializableString()
                    + " does not exist.");
        }
        materialized(id);
        stopPipeline(id, false);
        catalogs().dropObject(id, false, s.isIfExists());
        return TableResultImpl.ok(config());
    }

    /** The materialized table {@code id}; an error when it does not exist or is not a materialized table. */
    private CatalogTable materialized(ObjectIdentifier id) {
        Optional<Object> o = catalogs().getObject(id);
        if (o.isEmpty()) {
            throw new ValidationException("Materialized table with identifier " + id.asSerializableString()
                    + " does not exist.");
        }
        if (!(o.get() instanceof CatalogTable t) || !t.isMaterialized()) {
            throw new ValidationException("Table " + id.asSerializableString() + " is not a materialized table, does"
                    + " not support materialized table related operation.");
        }
        return t;
    }

    private void suspend(ObjectIdentifier id, CatalogTable table) {
        MaterializedTableDefinition m = table.materialized();
        String name = id.asSerializableString();
        if (m.refreshStatus() == RefreshStatus.INITIALIZING) {
            throw new ValidationException("Materialized table " + name + " is being initialized and does not support"
                    + " suspend operation.");
        }
        if (m.refreshStatus() == RefreshStatus.SUSPENDED) {
            throw new ValidationException(m.refreshMode() == RefreshMode.CONTINUOUS
                    ? "Materialized table " + name + " continuous refresh job has been suspended."
                    : "Materialized table " + name + " refresh workflow has been suspended.");
        }
        String savepoint = stopPipeline(id, m.refreshMode() == RefreshMode.CONTINUOUS);
        catalogs().alterObject(id, table.withMaterialized(m.withRefreshStatus(RefreshStatus.SUSPENDED, savepoint)));
    }

    private void resume(ObjectIdentifier id, CatalogTable table, Map<String, String> dynamicOptions) {
        MaterializedTableDefinition m = table.materialized();
        String name = id.asSerializableString();
        if (m.refreshStatus() == RefreshStatus.INITIALIZING) {
            throw new ValidationException("Materialized table " + name + " is being initialized and does not support"
                    + " resume operation.");
        }
        if (m.refreshStatus() == RefreshStatus.ACTIVATED) {
            RefreshPipelines.Pipeline p = RefreshPipelines.get(catalog(id), id);
            if (m.refreshMode() == RefreshMode.FULL) {
                throw new ValidationException("Materialized table " + name + " refresh workflow has been resumed.");
            }
            if (p != null && !p.job().getJobStatus().isTerminal()) {
                throw new ValidationException("Materialized table " + name + " continuous refresh job has been"
                        + " resumed, jobId is " + p.job().getJobID() + ".");
            }
        }
        try {
            start(id, table, dynamicOptions);
        } catch (RuntimeException e) {
            throw new TableException((m.refreshMode() == RefreshMode.CONTINUOUS
                    ? "Failed to resume the continuous refresh job for materialized table "
                    : "Failed to resume the refresh workflow for materialized table ") + name + ". Reason: "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code ALTER MATERIALIZED TABLE ... AS query}: the new query may only add columns at the end (they become
     * nullable); a continuous refresh job is stopped and a new one starts from scratch, a full refresh uses the new
     * query from its next run.
     */
    private TableResult alterQuery(ObjectIdentifier id, CatalogTable table, SqlFragment query) {
        RowType rowType = StatementExecutor.inFragment(query,
                () -> RelTypes.toRowType(env.planner().validatedRowType(query.text())));
        List<CatalogColumn> old = table.columns();
        if (old.size() > rowType.size()) {
            throw new ValidationException("Failed to modify query because drop column is unsupported. When modifying"
                    + " a query, you can only append new columns at the end of original schema. The original schema"
                    + " has " + old.size() + " columns, but the newly derived schema from the query has "
                    + rowType.size() + " columns.");
        }
        List<CatalogColumn> columns = new ArrayList<>(old);
        for (int i = 0; i < old.size(); i++) {
            CatalogColumn c = old.get(i);
            LogicalType newType = rowType.type(i);
            boolean sameType = c.type().equals(newType)
                    || table.primaryKey().contains(c.name()) && c.type().equals(newType.copy(false));
            if (!c.name().equals(rowType.name(i)) || !sameType) {
                throw new ValidationException("When modifying the query of a materialized table, currently only"
                        + " support appending columns at the end of original schema, dropping, renaming, and"
                        + " reordering columns are not supported.\nColumn mismatch at position " + i + ": Original"
                        + " column is [`" + c.name() + "` " + c.type() + "], but new column is [`" + rowType.name(i)
                        + "` " + newType + "].");
            }
        }
        for (int i = old.size(); i < rowType.size(); i++) {
            columns.add(CatalogColumn.physical(rowType.name(i), rowType.type(i).copy(true)));
        }
        MaterializedTableDefinition m = table.materialized();
        boolean restart = m.refreshMode() == RefreshMode.CONTINUOUS && m.refreshStatus() == RefreshStatus.ACTIVATED;
        if (restart) {
            stopPipeline(id, false);
        }
        CatalogTable altered = table.withColumns(columns)
                .withMaterialized(m.withQuery(query.text(), expanded(query.text())).withRefreshStatus(
                        restart ? RefreshStatus.SUSPENDED : m.refreshStatus(), null));
        catalogs().alterObject(id, altered);
        if (restart) {
            start(id, altered, Map.of());
        }
        return TableResultImpl.ok(config());
    }

    // ------------------------------------------------------------------ refresh pipelines

    /** Starts the table's pipeline (a continuous job or a schedule of full refreshes) and marks it active. */
    private void start(ObjectIdentifier id, CatalogTable table, Map<String, String> dynamicOptions) {
        MaterializedTableDefinition m = table.materialized();
        RefreshPipelines.Pipeline pipeline;
        if (m.refreshMode() == RefreshMode.CONTINUOUS) {
            Configuration conf = jobConfig(RuntimeMode.STREAMING,
                    "Materialized_table_" + id.asSerializableString() + "_continuous_refresh_job");
            if (!config().contains(CheckpointingOptions.INTERVAL)) {
                conf.set(CheckpointingOptions.INTERVAL, m.freshness());
            }
            if (m.restorePath() != null) {
                conf.set(CheckpointingOptions.SAVEPOINT_PATH, m.restorePath());
            }
            TableResult r = refreshSession(conf).executeSql("INSERT INTO " + target(id, dynamicOptions)
                    + "\nSELECT * FROM (" + m.expandedQuery() + ")");
            pipeline = new RefreshPipelines.Pipeline(r.getJobClient().orElseThrow(), null);
        } else {
            long period = m.freshness().toMillis();
            pipeline = new RefreshPipelines.Pipeline(null, RefreshPipelines.schedule(
                    () -> periodicRefresh(id, dynamicOptions), period));
        }
        RefreshPipelines.put(catalog(id), id, pipeline);
        catalogs().alterObject(id, table.withMaterialized(m.withRefreshStatus(RefreshStatus.ACTIVATED, null)));
    }

    /**
     * Stops the table's pipeline, if it runs; a continuous job stops with a savepoint when {@code withSavepoint} and
     * {@code execution.checkpointing.savepoint-dir} is set (its path is returned), else it is cancelled.
     */
    private String stopPipeline(ObjectIdentifier id, boolean withSavepoint) {
        RefreshPipelines.Pipeline p = RefreshPipelines.remove(catalog(id), id);
        if (p == null) {
            return null;
        }
        if (p.schedule() != null) {
            p.schedule().cancel(false);
            return null;
        }
        JobClient job = p.job();
        if (job.getJobStatus().isTerminal()) {
            return null;
        }
        String dir = config().get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        try {
            if (withSavepoint && dir != null) {
                return job.stopWithSavepoint(false, dir).get(60, TimeUnit.SECONDS);
            }
            job.cancel().get(60, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new TableException("Failed to suspend the continuous refresh job for materialized table "
                    + id.asSerializableString() + ". Reason: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TableException("Stopping the refresh job of materialized table " + id.asSerializableString()
                    + " did not finish in 60 s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException("Interrupted while stopping the refresh job of materialized table "
                    + id.asSerializableString() + ".", e);
        }
    }

    /** {@code ALTER ... REFRESH [PARTITION (..)]}: one batch overwrite now; the result names its job. */
    private TableResult refreshNow(ObjectIdentifier id, CatalogTable table, Map<String, String> partitions) {
        checkPartitionSpec(table, partitions);
        TableResult r;
        try {
            r = refresh(id, table, partitions, Map.of(), "_one_time_refresh_job");
        } catch (RuntimeException e) {
            throw new TableException("Refreshing the materialized table " + id.asSerializableString()
                    + " occur exception. Reason: " + e.getMessage(), e);
        }
        JobClient job = r.getJobClient().orElseThrow();
        ResolvedSchema schema = ResolvedSchema.of(Column.physical("job_id", DataTypes.STRING()),
                Column.physical("cluster_info", DataTypes.MAP(DataTypes.STRING(), DataTypes.STRING())));
        Map<String, String> clusterInfo = new LinkedHashMap<>();
        clusterInfo.put("execution.target", "local");
        return TableResultImpl.ofInsertJob(schema, ((TableResultImpl) r).job(),
                List.of(Row.of(job.getJobID(), clusterInfo)), config());
    }

    /** A scheduled full refresh: the partitions the date formatters name for the previous interval, or all. */
    private void periodicRefresh(ObjectIdentifier id, Map<String, String> dynamicOptions) {
        Optional<Object> o = catalogs().getObject(id);
        if (o.isEmpty() || !(o.get() instanceof CatalogTable t) || !t.isMaterialized()) {
            return;
        }
        Map<String, String> partitions = new LinkedHashMap<>();
        LocalDateTime scheduled = LocalDateTime.now(ZoneId.of(config().get(ExecutionOptions.LOCAL_TIME_ZONE)))
                .minus(t.materialized().freshness());
        t.options().forEach((k, v) -> {
            if (k.startsWith(PARTITION_FIELDS) && k.endsWith(DATE_FORMATTER)) {
                partitions.put(k.substring(PARTITION_FIELDS.length(), k.length() - DATE_FORMATTER.length()),
                        scheduled.format(DateTimeFormatter.ofPattern(v)));
            }
        });
        try {
            refresh(id, t, partitions, dynamicOptions, "_periodic_refresh_job").await();
        } catch (Exception e) {
            // the next run tries again; the failed job shows in the job list with its error
        }
    }

    /** Runs {@code INSERT OVERWRITE t SELECT * FROM (query) [WHERE partition filter]} as a batch job. */
    private TableResult refresh(ObjectIdentifier id, CatalogTable table, Map<String, String> partitions,
            Map<String, String> dynamicOptions, String jobSuffix) {
        StringBuilder sql = new StringBuilder("INSERT OVERWRITE ").append(target(id, dynamicOptions))
                .append("\nSELECT * FROM (").append(table.materialized().expandedQuery()).append(")");
        if (!partitions.isEmpty()) {
            sql.append("\nWHERE ").append(partitions.entrySet().stream()
                    .map(e -> quote(e.getKey()) + " = '" + e.getValue().replace("'", "''") + "'")
                    .collect(Collectors.joining(" AND ")));
        }
        Configuration conf = jobConfig(RuntimeMode.BATCH, "Materialized_table_" + id.asSerializableString()
                + jobSuffix);
        return refreshSession(conf).executeSql(sql.toString());
    }

    private static void checkPartitionSpec(CatalogTable table, Map<String, String> partitions) {
        List<String> unknown = new ArrayList<>();
        List<String> notString = new ArrayList<>();
        for (String k : partitions.keySet()) {
            CatalogColumn c = table.column(k);
            if (c == null) {
                unknown.add(k);
            } else if (!isCharacterString(c.type())) {
                notString.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("The partition spec contains unknown partition keys:\n\n"
                    + String.join("\n", unknown) + "\n\nAll known partition keys are:\n\n"
                    + String.join("\n", table.partitionKeys()));
        }
        if (!notString.isEmpty()) {
            throw new ValidationException("Currently, refreshing materialized table only supports referring to char,"
                    + " varchar and string type partition keys. All specified partition keys in partition specs with"
                    + " unsupported types are:\n\n" + String.join("\n", notString));
        }
    }

    /** The session's options for a refresh job: its mode and name, never waiting for it, no savepoint to start from. */
    private Configuration jobConfig(RuntimeMode mode, String name) {
        Configuration conf = config().copy();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("pipeline.name", name);
        conf.setString(SessionOptions.DML_SYNC.key(), "false");
        conf.remove(CheckpointingOptions.SAVEPOINT_PATH.key());
        return conf;
    }

    /** A session sharing this one's catalogs, at its current catalog and database, with {@code conf}. */
    private TableEnvironmentImpl refreshSession(Configuration conf) {
        TableEnvironmentImpl session = env.newSessionSharingCatalogs(
                EnvironmentSettings.newInstance().withConfiguration(conf).build());
        session.catalogs().setCurrentCatalog(catalogs().currentCatalog());
        session.catalogs().setCurrentDatabase(catalogs().currentDatabase());
        return session;
    }

    private static String target(ObjectIdentifier id, Map<String, String> dynamicOptions) {
        if (dynamicOptions.isEmpty()) {
            return id.asSerializableString();
        }
        return id.asSerializableString() + " /*+ OPTIONS(" + dynamicOptions.entrySet().stream()
                .map(e -> literal(e.getKey()) + "=" + literal(e.getValue())).collect(Collectors.joining(", "))
                + ") */";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private Catalog catalog(ObjectIdentifier id) {
        return catalogs().getCatalog(id.catalog()).orElseThrow();
    }

    // ------------------------------------------------------------------ SHOW CREATE

    /** {@code SHOW CREATE MATERIALIZED TABLE} in Flink's layout (the key, no columns: they come from the query). */
    static String showCreate(ObjectIdentifier id, CatalogTable t) {
        MaterializedTableDefinition m = t.materialized();
        StringBuilder sb = new StringBuilder("CREATE MATERIALIZED TABLE ").append(id.asSerializableString());
        if (!t.primaryKey().isEmpty()) {
            sb.append(" (\n  CONSTRAINT ").append(quote(t.primaryKeyName())).append(" PRIMARY KEY (")
                    .append(t.primaryKey().stream().map(MaterializedTables::quote).collect(Collectors.joining(", ")))
                    .append(") NOT ENFORCED\n)");
        }
        sb.append('\n');
        if (t.comment() != null && !t.comment().isEmpty()) {
            sb.append("COMMENT ").append(literal(t.comment())).append('\n');
        }
        if (!t.partitionKeys().isEmpty()) {
            sb.append("PARTITIONED BY (").append(t.partitionKeys().stream().map(MaterializedTables::quote)
                    .collect(Collectors.joining(", "))).append(")\n");
        }
        if (!t.options().isEmpty()) {
            sb.append("WITH (\n").append(t.options().entrySet().stream()
                    .map(e -> "  " + literal(e.getKey()) + " = " + literal(e.getValue())).sorted()
                    .collect(Collectors.joining(",\n"))).append("\n)\n");
        }
        sb.append("FRESHNESS = INTERVAL '").append(m.freshnessInterval()).append("' ").append(m.freshnessUnit())
                .append('\n');
        sb.append("REFRESH_MODE = ").append(m.refreshMode()).append('\n');
        return sb.append("AS ").append(m.expandedQuery()).append('\n').toString();
    }
}
