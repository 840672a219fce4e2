package io.sluice.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sessions built row by row in any order equal the sessions of the sorted times; the schedule finds due keys. */
class OpenSessionsTest {

    /**
     * Sessions of {@code times} by sorting: consecutive times at most {@code gap} apart share a session (windows that
     * touch merge, as in Flink).
     */
    private static List<String> reference(long[] times, long gap) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            long start = sorted[i];
            long end = sorted[i] + gap;
            int j = i + 1;
            while (j < sorted.length && sorted[j] <= end) {
                end = Math.max(end, sorted[j] + gap);
                j++;
            }
            out.add("[" + start + "," + end + ")");
            i = j;
        }
        return out;
    }

    private static List<String> of(OpenSessions s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add("[" + s.start(i) + "," + s.end(i) + ")");
        }
        return out;
    }

    @Test
    void rowsInAnyOrderMakeTheSessionsOfTheSortedRows() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(30);
            long gap = 1 + random.nextInt(10);
            long[] times = new long[n];
            OpenSessions sessions = new OpenSessions();
            for (int i = 0; i < n; i++) {
                times[i] = random.nextInt(120);
                sessions.add(times[i], gap);
            }
            assertEquals(reference(times, gap), of(sessions), "times " + Arrays.toString(times) + " gap " + gap);
        }
    }

    @Test
    void sessionsThatTouchMerge() {
        OpenSessions sessions = new OpenSessions();
        sessions.add(0, 10);
        sessions.add(10, 10); // [0,10) and [10,20) touch
        sessions.add(31, 10); // one past the end: a session of its own
        assertEquals(List.of("[0,20)", "[31,41)"), of(sessions));
        sessions.add(21, 10); // [21,31) touches [31,41) only
        assertEquals(List.of("[0,20)", "[21,41)"), of(sessions));
        sessions.add(10, 11); // [10,21) touches both: one session
        assertEquals(List.of("[0,41)"), of(sessions));
        assertEquals(true, sessions.touches(-10, 10));
        assertEquals(false, sessions.touches(-11, 10));
        assertEquals(true, sessions.touches(41, 10));
        assertEquals(false, sessions.touches(42, 10));
    }

    @Test
    void closingMovesOnlySessionsTheWatermarkPassed() {
        OpenSessions sessions = new OpenSessions();
        sessions.add(0, 10);
        sessions.add(5, 10);
        sessions.add(40, 10);
        sessions.add(100, 10);
        OpenSessions closed = new OpenSessions();
        sessions.closeUpTo(49, closed);
        assertEquals(List.of("[0,15)", "[40,50)"), of(closed));
        assertEquals(List.of("[100,110)"), of(sessions));
        assertEquals(110, sessions.earliestEnd());
        assertEquals(-1, sessions.indexOf(99));
        assertEquals(0, sessions.indexOf(109));
    }

    @Test
    void theScheduleReturnsEachDueKeyOnceAndSkipsReplacedEntries() {
        SessionSchedule schedule = new SessionSchedule();
        schedule.ensureKeys(3);
        schedule.schedule(0, 50);
        schedule.schedule(1, 20);
        schedule.schedule(2, 30);
        schedule.schedule(2, 10); // an earlier-ending session of key 2: its entry at 30 goes stale
        schedule.schedule(1, 40); // later than scheduled: nothing changes
        List<Integer> due = new ArrayList<>();
        while (schedule.hasEntryEndingBy(30)) {
            int key = schedule.pollLive();
            if (key >= 0) {
                due.add(key);
            }
        }
        assertEquals(List.of(2, 1), due);
        assertEquals(Long.MAX_VALUE, schedule.scheduledEnd(2));
        assertEquals(50, schedule.scheduledEnd(0));
        schedule.ensureKeys(200);
        schedule.schedule(150, 5);
        assertEquals(150, schedule.pollLive());
    }
}
