package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.common.JobExecutionResult;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.JobListener;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code registerJobListener}: told of submissions and of the end of {@code execute} runs. */
class JobListenerTest {
    /** Notes each call. */
    static final class Noting implements JobListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onJobSubmitted(JobClient jobClient, Throwable throwable) {
            calls.add("submitted " + (jobClient != null ? jobClient.getJobID().toString().length() : throwable));
        }

        @Override
        public void onJobExecuted(JobExecutionResult result, Throwable throwable) {
            calls.add("executed " + (result != null ? result.getJobID().toString().length()
                    : throwable.getClass().getSimpleName()));
        }
    }

    @Test
    void listenersHearOfSubmissionsAndEnds() throws Exception {
        io.sluice.configuration.Configuration conf = new io.sluice.configuration.Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        Noting listener = new Noting();
        env.registerJobListener(listener);
        assertEquals(List.of(listener), env.getJobListeners());
        env.fromSequence(1, 10).sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute("listened");
        assertEquals(List.of("submitted 32", "executed 32"), listener.calls);

        listener.calls.clear();
        env.fromSequence(1, 10).map(x -> {
            if (x == 5) {
                throw new IllegalStateException("boom");
            }
            return x;
        }).sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThrows(Exception.class, () -> env.execute("failing"));
        assertEquals(2, listener.calls.size());
        assertEquals("submitted 32", listener.calls.get(0));
        assertEquals(true, listener.calls.get(1).startsWith("executed "), listener.calls.toString());

        listener.calls.clear();
        env.fromSequence(1, 10).sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        JobClient client = env.executeAsync("async");
        client.getJobExecutionResult().get();
        assertEquals(List.of("submitted 32"), listener.calls);
        env.clearJobListeners();
        assertEquals(List.of(), env.getJobListeners());
    }
}
