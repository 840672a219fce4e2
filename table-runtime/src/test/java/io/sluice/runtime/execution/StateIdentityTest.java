package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.Transformation;
import io.sluice.table.api.TableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operator state in checkpoints is matched by a state identity derived from the plan's structure (position and
 * kind of each operator, {@code table.exec.uid.format}) or set explicitly, never by the printed plan text: a
 * job whose operator names were reworded restores a savepoint exactly, a job without an operator the savepoint
 * has state for is refused unless {@code execution.savepoint.ignore-unclaimed-state} is set.
 */
class StateIdentityTest {
    /** Every subtask: 120 rows, one per 4 ms, then the end. */
    private static final WindowJobs.Plan BOUNDED = new WindowJobs.Plan(120, 120, 4, true, true);

    @TempDir
    Path tmp;

    private static Configuration config(int parallelism) {
        return new Configuration().set(ExecutionOptions.PARALLELISM, parallelism);
    }

    /** Runs the window job part way and stops it with a savepoint; returns the savepoint path. */
    private String savepointOfAPartialRun(int parallelism, List<String> sink, String windowUid) throws Exception {
        JobExecution first = LocalExecutor.submit(
                WindowJobs.windowCounts(BOUNDED, sink, "WindowAggregate(window=[TUMBLE(size=[1 s])])", windowUid),
                config(parallelism));
        Thread.sleep(150);
        String savepoint = first.stopWithSavepoint(tmp.resolve("savepoints")).get(30, TimeUnit.SECONDS);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        return savepoint;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(60)
    void aJobWithRewordedOperatorNamesRestoresExactly(int parallelism) throws Exception {
        List<String> expected = new ArrayList<>();
        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, expected), config(parallelism));
        List<String> sink = new ArrayList<>();
        String savepoint = savepointOfAPartialRun(parallelism, sink, null);
        assertTrue(sink.size() < expected.size(), "the first job stopped part way");

        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, sink, "WindowAggregate(tumble=[1000 ms], reworded)", null),
                config(parallelism).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint));
        List<String> all = WindowJobs.sorted(sink);
        assertEquals(WindowJobs.sorted(expected), all);
        assertEquals(all.size(), new HashSet<>(all).size(), "no result twice");
    }

    @Test
    @Timeout(60)
    void stateThatNoOperatorClaimsIsRefusedUnlessIgnored() throws Exception {
        String savepoint = savepointOfAPartialRun(1, new ArrayList<>(), null);
        Configuration restore = config(1).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint);
        // another operator kind at the window's position: its state is not the window aggregate's
        TableException e = assertThrows(TableException.class, () -> LocalExecutor.run(
                WindowJobs.windowCounts(BOUNDED, new ArrayList<>(), "SessionWindowAggregate", null), restore));
        assertTrue(e.getMessage().contains("does not match this job: it holds state of operator"
                + " 'WindowAggregate(window=[TUMBLE(size=[1 s])])' (uid '2_window-aggregate')"), e.getMessage());
        assertTrue(e.getMessage().contains("'execution.savepoint.ignore-unclaimed-state' = 'true'"), e.getMessage());

        List<String> sink = new ArrayList<>();
        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, sink, "SessionWindowAggregate", null),
                restore.set(CheckpointingOptions.IGNORE_UNCLAIMED_STATE, true));
        assertTrue(!sink.isEmpty(), "the job ran from the source's saved position with an empty window state");
    }

    @Test
    @Timeout(60)
    void anExplicitUidCarriesStateAcrossAChangedOperatorName() throws Exception {
        List<String> expected = new ArrayList<>();
        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, expected), config(1));
        List<String> sink = new ArrayList<>();
        String savepoint = savepointOfAPartialRun(1, sink, "counts-per-second");
        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, sink, "CountsPerSecond", "counts-per-second"),
                config(1).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint));
        assertEquals(WindowJobs.sorted(expected), WindowJobs.sorted(sink));
    }

    @Test
    @Timeout(60)
    void theUpgradeReportSaysWhatARestoreDoes() throws Exception {
        String savepoint = savepointOfAPartialRun(1, new ArrayList<>(), null);
        CheckpointStorage.Checkpoint checkpoint = CheckpointStorage.read(Path.of(savepoint));
        Configuration config = config(1);

        List<StateCompatibility.Entry> same = StateCompatibility.report(
                WindowJobs.windowCounts(BOUNDED, new ArrayList<>(), "WindowAggregate(reworded)", null), config,
                checkpoint);
        assertEquals(List.of(StateCompatibility.Verdict.RESTORED, StateCompatibility.Verdict.RESTORED,
                StateCompatibility.Verdict.NO_STATE), verdicts(same));

        List<StateCompatibility.Entry> otherKind = StateCompatibility.report(
                WindowJobs.windowCounts(BOUNDED, new ArrayList<>(), "SessionWindowAggregate", null), config, checkpoint);
        assertEquals(List.of(StateCompatibility.Verdict.RESTORED, StateCompatibility.Verdict.STARTS_EMPTY,
                StateCompatibility.Verdict.NO_STATE, StateCompatibility.Verdict.DROPPED), verdicts(otherKind));
        assertEquals("2_window-aggregate", otherKind.get(3).uid());

        // the same operator identity with another state shape: the window aggregation now keyed on two columns
        JobGraph rekeyed = WindowJobs.windowCounts(BOUNDED, new ArrayList<>(), "WindowAggregate", null);
        rekeyed.topologicalOrder().get(1).withInputPartitioning(0,
                io.sluice.runtime.graph.InputPartitioning.hash(new int[] {0, 3}));
        List<StateCompatibility.Entry> incompatible = StateCompatibility.report(rekeyed, config, checkpoint);
        assertEquals(StateCompatibility.Verdict.INCOMPATIBLE, incompatible.get(1).verdict());
        TableException e = assertThrows(TableException.class, () -> LocalExecutor.run(rekeyed,
                config(1).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint)));
        assertTrue(e.getMessage().contains("has another shape"), e.getMessage());
        List<String> sink = new ArrayList<>();
        JobGraph rekeyedToSink = WindowJobs.windowCounts(BOUNDED, sink, "WindowAggregate", null);
        rekeyedToSink.topologicalOrder().get(1).withInputPartitioning(0,
                io.sluice.runtime.graph.InputPartitioning.hash(new int[] {0, 3}));
        LocalExecutor.run(rekeyedToSink, config(1).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint)
                .set(CheckpointingOptions.IGNORE_UNCLAIMED_STATE, true));
        assertTrue(!sink.isEmpty(), "with ignore-unclaimed-state the window aggregation starts empty and runs");

        List<StateCompatibility.Entry> rescaled = StateCompatibility.report(
                WindowJobs.windowCounts(BOUNDED, new ArrayList<>()), config(2), checkpoint);
        assertEquals(StateCompatibility.Verdict.RESCALED, rescaled.get(0).verdict());
        assertEquals(StateCompatibility.Verdict.RESCALED, rescaled.get(1).verdict(), "the window aggregation"
                + " redistributes its state by key");
    }

    private static List<StateCompatibility.Verdict> verdicts(List<StateCompatibility.Entry> entries) {
        List<StateCompatibility.Verdict> v = new ArrayList<>();
        entries.forEach(e -> v.add(e.verdict()));
        return v;
    }

    @Test
    void derivedIdentitiesFollowThePlanAndTheFormat() {
        JobGraph graph = WindowJobs.windowCounts(BOUNDED, new ArrayList<>(), "WindowAggregate(x=[1])", null);
        List<String> ids = new ArrayList<>();
        Map<Transformation, String> derived = graph.stateIds("<id>_<transformation>");
        for (Transformation t : graph.topologicalOrder()) {
            ids.add(derived.get(t));
        }
        assertEquals(List.of("1_source", "2_window-aggregate", "3_sink"), ids);
        Map<Transformation, String> custom = graph.stateIds("op-<id>");
        assertEquals("op-2", custom.get(graph.topologicalOrder().get(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.stateIds("same"));
        assertTrue(e.getMessage().contains("Two operators have the state identity (uid) 'same'"), e.getMessage());
    }

    @Test
    void aOneInstanceNodeFitsItsStateWhetherItsInputCameSingleOrForward() {
        String single = "in0=ROW<`a` INT> single out=ROW<`a` INT>";
        String forward = "in0=ROW<`a` INT> forward out=ROW<`a` INT>";
        // a job at parallelism 2 feeds a one-instance node through 'single', the same job at parallelism 1 'forward'
        assertTrue(StateCompatibility.sameShape(node(1, single), node(1, forward)));
        assertTrue(StateCompatibility.sameShape(node(1, forward), node(1, single)));
        // several instances of the node: the exchange decides what each instance holds
        assertFalse(StateCompatibility.sameShape(node(1, single), node(2, forward)));
        assertFalse(StateCompatibility.sameShape(node(1, "in0=ROW<`a` INT> hash[0] out=ROW<`a` INT>"),
                node(1, forward)));
    }

    private static CheckpointStorage.NodeState node(int parallelism, String schema) {
        return new CheckpointStorage.NodeState("1_map", 0, parallelism, "Map", schema, null);
    }
}
