package io.sluice.planner.physical;

import io.sluice.codegen.CodeGenerator;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.graph.Transformation;
import org.apache.calcite.rel.RelNode;

/** What a {@link PhysicalRel} may use while it is analysed and translated into runtime transformations. */
public interface TranslationContext {
    /** The code generator for the node's expressions. */
    CodeGenerator codegen();

    /** The job's configuration. */
    Configuration config();

    /** Streaming (true) or batch execution. */
    boolean isStreaming();

    /** The changelog mode {@code rel} emits, as the changelog pass inferred it. */
    ChangelogMode changelogMode(RelNode rel);

    /** The transformation producing {@code rel}'s rows (translated once, shared by every consumer). */
    Transformation translate(RelNode rel);

    /** The source of a scan node (created once per node, with the table's connector factory). */
    ScanTableSource source(RelNode scan, ConnectorTable table);

    /** Records that {@code scan} emits its source's own watermarks (for {@code SOURCE_WATERMARK()}). */
    void markSourceWatermarks(Transformation scan);

    /** Whether {@code t} is the transformation of a scan whose source emits its own watermarks. */
    boolean isSourceWatermarkScan(Transformation t);

    /** A new source of a connector table, not tied to a scan node (the table a lookup join looks rows up in). */
    ScanTableSource createSource(ConnectorTable table);
}
