package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.physical.ChangelogInference;
import io.sluice.planner.physical.PhysicalPlanConverter;
import io.sluice.planner.physical.PhysicalRel;
import io.sluice.planner.physical.PhysicalRules;
import io.sluice.planner.physical.TranslationContext;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * Translates an optimized logical plan into runtime {@link Transformation}s: each plan node becomes
 * one operator with its expressions compiled by {@link CodeGenerator}. Columns a query does not use
 * are not read from the source (projection push-down into the scan).
 */
public final class JobGraphGenerator implements TranslationContext {
    private final CodeGenerator codegen;
    private final Configuration config;
    private final ClassLoader classLoader;
    private final Map<RelNode, Transformation> translated = new IdentityHashMap<>();
    private final boolean streaming;
    /** Scans whose source emits its own watermarks (transformation sources), for {@code SOURCE_WATERMARK()}. */
    private final java.util.Set<Transformation> sourceWatermarkScans =
            java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<RelNode, ScanTableSource> sources = new IdentityHashMap<>();
    private final PhysicalPlanConverter converter;
    private final ChangelogInference changelogs = new ChangelogInference(this);
    /** Per converted node, the subplan that runs instead of it ({@link PhysicalRel#expand}), often itself. */
    private final Map<RelNode, RelNode> expansions = new IdentityHashMap<>();

    public JobGraphGenerator(CodeGenerator codegen, Configuration config, ClassLoader classLoader) {
        this.codegen = codegen;
        this.config = config;
        this.classLoader = classLoader;
        this.streaming = config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        this.converter = new PhysicalPlanConverter(PhysicalRules.forMode(streaming));
    }

    /**
     * The transformation producing {@code rel}'s rows (shared when the same node is reached twice): the node is
     * converted by {@link PhysicalRules} and translated by its physical node; a node no rule converts is not
     * supported.
     */
    @Override
    public Transformation translate(RelNode rel) {
        Transformation t = translated.get(rel);
        if (t == null) {
            RelNode node = physical(rel);
            t = translated.get(node);
            if (t == null) {
                if (!(node instanceof PhysicalRel)) {
                    throw new UnsupportedFeatureException("plan node " + node.getRelTypeName() + ":\n"
                            + RelOptUtil.toString(node));
                }
                t = translatePhysical((PhysicalRel) node);
                translated.put(node, t);
            }
            translated.put(rel, t);
        }
        return t;
    }

    /**
     * The physical form of {@code rel}: converted by {@link PhysicalRules}, then expanded ({@link PhysicalRel#expand})
     * until a node returns itself.
     */
    private RelNode physical(RelNode rel) {
        RelNode node = converter.convert(rel);
        RelNode done = expansions.get(node);
        if (done == null) {
            done = node;
            while (done instanceof PhysicalRel) {
                RelNode next = ((PhysicalRel) done).expand(this);
                if (next == done) {
                    break;
                }
                done = converter.convert(next);
            }
            expansions.put(node, done);
        }
        return done;
    }

    /** A physical node's transformation, with the input distributions and the changelog mode it declares. */
    private Transformation translatePhysical(PhysicalRel node) {
        List<Transformation> inputs = new ArrayList<>();
        node.getInputs().forEach(i -> inputs.add(translate(i)));
        ChangelogMode mode = changelogs.infer(node);
        Transformation t = node.translateToPlan(this, inputs);
        if (inputs.stream().anyMatch(i -> i == t)) {
            return t; // no operator of its own
        }
        for (int i = 0; i < inputs.size(); i++) {
            InputPartitioning distribution = node.requiredDistribution(i);
            if (distribution.kind() != InputPartitioning.Kind.FORWARD) {
                t.withInputPartitioning(i, distribution);
            }
        }
        return t.withChangelogMode(mode);
    }

    /**
     * Leaves out the {@code -U} rows below {@code rel}, the input of a sink that takes updates without them, where
     * the {@link ChangelogInference#dropUpdateBefore update-before elimination} finds that nothing else needs them;
     * call after {@link #translate}. Returns whether it did.
     */
    public boolean dropUpdateBefore(RelNode rel) {
        return changelogs.dropUpdateBefore(physical(rel));
    }

    @Override
    public boolean isSourceWatermarkScan(Transformation t) {
        return sourceWatermarkScans.contains(t);
    }

    @Override
    public CodeGenerator codegen() {
        return codegen;
    }

    @Override
    public Configuration config() {
        return config;
    }

    @Override
    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public ChangelogMode changelogMode(RelNode rel) {
        return changelogs.infer(physical(rel));
    }

    @Override
    public ScanTableSource source(RelNode scan, ConnectorTable table) {
        return sources.computeIfAbsent(scan, s -> createSource(table));
    }

    @Override
    public void markSourceWatermarks(Transformation scan) {
        sourceWatermarkScans.add(scan);
    }

    static RowType rowType(RelNode rel) {
        return RelTypes.toRowType(rel.getRowType());
    }

    /** The source of a connector table (an inline source, or one created by its connector's factory). */
    @Override
    public ScanTableSource createSource(ConnectorTable table) {
        CatalogTable ct = table.table();
        if (ct.inlineSource() != null) {
            return ct.inlineSource();
        }
        String connector = ct.options().get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + table.identifier()
                    + " has no 'connector' option; declare it in WITH ('connector' = '...', ...).");
        }
        DynamicTableSourceFactory factory = FactoryUtil.discover(DynamicTableSourceFactory.class, connector, classLoader);
        FactoryUtil.validateOptions(table.identifier().toString(), factory, ct.options(), classLoader,
                ct.physicalRowType());
        ScanTableSource source = factory.createDynamicTableSource(new TableContext(table.identifier().toString(),
                ct.physicalRowType(), io.sluice.runtime.connector.BadRecords.withoutTableOption(ct.options()), config,
                ct.partitionKeys(), ct.primaryKey()));
        SourceMetadata.apply(source, ct, table.identifier().toString());
        return source;
    }

}
