package io.sluice.datastream.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.datastream.source.RangeSource;
import io.sluice.datastream.source.RangeSource.RangeSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enumerator's snapshot and the readers' snapshots of one checkpoint agree at parallelism above 1, whatever
 * order the readers snapshot in: a split the enumerator hands out after its snapshot reaches the reader only
 * after that reader's own snapshot.
 */
class SourceCoordinatorTest {

    private static List<RangeSplit> enumeratorState(RangeSource source, byte[] bytes) throws Exception {
        return source.getEnumeratorCheckpointSerializer().deserialize(1, bytes);
    }

    @Test
    void assignmentAfterTheEnumeratorSnapshotWaitsForTheReadersSnapshot() throws Exception {
        RangeSource source = new RangeSource(3, 10, 0, "coordinator-test");
        SourceCoordinator<Long, RangeSplit, List<RangeSplit>> c = new SourceCoordinator<>(source, 2);
        c.readerCreated(0);
        c.readerCreated(1);
        c.registerReader(0);
        c.registerReader(1);

        // reader 0 reaches checkpoint 1 first: the enumerator's state is taken now (3 splits unassigned + marker)
        byte[] state = c.enumeratorState(1, 1, false);
        assertEquals(4, enumeratorState(source, state).size());

        // reader 1, not yet at checkpoint 1, asks for a split: it is assigned, but belongs after checkpoint 1
        c.handleSplitRequest(1);
        assertNull(c.take(1, 0), "handed over before reader 1's snapshot of checkpoint 1");

        // reader 1's snapshot of checkpoint 1 (the enumerator's state is not taken again), then the split arrives
        c.enumeratorState(1, 1, true);
        SourceCoordinator.Mailbox<RangeSplit> box = c.take(1, 1);
        assertNotNull(box);
        assertEquals(1, box.splits.size());
        assertEquals("range-0", box.splits.get(0).splitId());

        // a split assigned before checkpoint 2's enumerator snapshot is in that snapshot's reader side
        c.handleSplitRequest(0);
        SourceCoordinator.Mailbox<RangeSplit> forZero = c.take(0, 1);
        assertEquals(1, forZero.splits.size());
        byte[] second = c.enumeratorState(2, 2, false);
        assertEquals(2, enumeratorState(source, second).size(), "range-2 and the marker remain");
    }
}
