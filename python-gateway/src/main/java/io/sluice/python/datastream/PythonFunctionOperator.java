package io.sluice.python.datastream;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.operators.KeyedOperator;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.util.OutputTag;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function of the Python DataStream API (map, flat_map, filter, process, a key selector, reduce, a keyed or
 * co-process function, a window) on one or two inputs, run in a {@link DataStreamWorker}. Records are buffered and
 * handed to the worker in batches of up to {@code table.exec.batch-size}; the answer carries the batch's output
 * records, the keyed-state writes and the timer changes.
 *
 * <p>Keyed state lives in the engine's keyed-state backend, one value (the pickled Python value, list or dict) per
 * key and state name: a batch carries the current state of each of its keys, and the answer the states the
 * function changed, so the state is whole between batches, where checkpoints are taken. Timers live in the backend's
 * timer service; fired timers go to the worker as a batch of their own.
 *
 * <p>A keyed operator reads {@code Tuple2(key, value)} records whose key is the engine form of the Python key
 * (a string that Python turns back into the key), made by the key selector's operator before the exchange.
 *
 * <p><b>Streaming semantics:</b> insert-only records in and out; outputs carry their input record's timestamp, or
 * the timer's time for event-time timers. Watermarks fire event-time timers (up to the watermark, including timers
 * registered by the timers fired) before they pass on. Keyed state and timers are checkpointed.
 *
 * <p>Batch frame ({@code 'P'}): the current watermark and processing time (int64 each); the number of state
 * entries, each a key, a state name and the pickled value (int32 length, -1 for none); the number of events, each
 * a kind (0/1 a record of input 1/2, 2 an event-time timer, 3 a processing-time timer, 4 the end of a batch job's
 * input for a key), a timestamp
 * ({@code Long.MIN_VALUE} for none), the key (a flag byte, then the string) and, for records, the value
 * ({@link RecordCodec}). The answer ({@code 'R'}): outputs (timestamp and value), side outputs (tag, timestamp and
 * value), state writes (key, name, value or -1 to clear), timer changes (0/1 register an event/processing-time
 * timer, 2/3 delete one; key; time) and the changed broadcast states (name, pickled dict).
 */
public final class PythonFunctionOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private static final String STATE_PREFIX = "python:";
    /** The state of a reduce function, whose final values a batch job emits at the end of its input. */
    private static final String REDUCE_STATE = "__reduce__";

    private final byte[] payload;
    private final String python;
    private final String pythonPath;
    private final Map<String, String> jobParameters;
    private final boolean keyed;
    private final boolean broadcastSecond;

    private transient DataStreamWorker worker;
    private transient ByteArrayOutputStream events;
    private transient DataOutputStream eventsOut;
    private transient int count;
    private transient int maxBatch;
    private transient Set<String> keys;
    private transient Map<String, KeyedValueState<VoidNamespace, byte[]>> states;
    private transient List<String> declared;
    private transient TimerService<Object, VoidNamespace> timers;
    private transient long watermark;
    private transient Map<String, OutputTag<Object>> tags;
    /** The broadcast state (a pickled dict per descriptor name), the same in every instance. */
    private transient Map<String, byte[]> broadcastState;

    /**
     * @param inputs 1 or 2
     * @param keyed whether the inputs are keyed streams of {@code Tuple2(key, value)} records
     * @param broadcastSecond whether the second input is a broadcast stream (of plain records, never keyed)
     */
    public PythonFunctionOperator(String name, byte[] payload, String python, String pythonPath,
            Map<String, String> jobParameters, int inputs, boolean keyed, boolean broadcastSecond) {
        super(name, keyed ? selectors(inputs) : new KeySelector<?, ?>[0]);
        this.broadcastSecond = broadcastSecond;
        this.payload = payload;
        this.python = python;
        this.pythonPath = pythonPath;
        this.jobParameters = new HashMap<>(jobParameters);
        this.keyed = keyed;
    }

    private static KeySelector<?, ?>[] selectors(int inputs) {
        KeySelector<?, ?>[] s = new KeySelector<?, ?>[inputs];
        for (int i = 0; i < inputs; i++) {
            s[i] = new PythonKey();
        }
        return s;
    }

    /** The key of a keyed Python stream's {@code Tuple2(key, value)} record. */
    public static final class PythonKey implements KeySelector<Object, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getKey(Object value) {
            return ((Tuple2<?, ?>) value).f0;
        }
    }

    @Override
    public void open() throws Exception {
        events = new ByteArrayOutputStream(1 << 16);
        eventsOut = new DataOutputStream(events);
        keys = new LinkedHashSet<>();
        states = new LinkedHashMap<>();
        tags = new HashMap<>();
        if (broadcastState == null) {
            broadcastState = new LinkedHashMap<>();
        }
        watermark = Long.MIN_VALUE;
        maxBatch = Math.max(1, context.config().get(ExecutionOptions.BATCH_SIZE));
        String executable = jobParameters.getOrDefault("python.executable", python);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("task_name", context.getTaskName());
        info.put("subtask", context.getIndexOfThisSubtask());
        info.put("parallelism", context.getNumberOfParallelSubtasks());
        info.put("max_parallelism", context.getMaxNumberOfParallelSubtasks());
        info.put("attempt", context.getAttemptNumber());
        info.put("batch", context.runtimeMode() == io.sluice.runtime.config.RuntimeMode.BATCH);
        info.put("job_parameters", jobParameters);
        Map<String, String> broadcast = new LinkedHashMap<>();
        broadcastState.forEach((k, v) -> broadcast.put(k, java.util.Base64.getEncoder().encodeToString(v)));
        info.put("broadcast_state", broadcast);
        worker = new DataStreamWorker(name(), executable, pythonPath,
                new io.sluice.python.PythonMetrics(context.metrics().userMetricGroup()));
        declared = worker.open(info, payload);
        if (keyed) {
            timers = backend().getTimerService("python-timers", StateSerializers.VOID_NAMESPACE);
            for (String s : declared) {
                state(s);
            }
        }
    }

    private KeyedStateBackend<Object> backend() {
        return context.keyedState();
    }

    private KeyedValueState<VoidNamespace, byte[]> state(String name) {
        return states.computeIfAbsent(name, n -> backend().getValueState(STATE_PREFIX + n, StateSerializers.BYTES));
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        eventsOut.writeByte(input);
        eventsOut.writeLong(timestamp);
        Object record = value;
        if (keyed && !(broadcastSecond && input == 1)) {
            Tuple2<?, ?> t = (Tuple2<?, ?>) value;
            String key = (String) t.f0;
            keys.add(key);
            eventsOut.writeBoolean(true);
            RecordCodec.writeString(eventsOut, key);
            record = t.f1;
        } else {
            eventsOut.writeBoolean(false);
        }
        RecordCodec.write(eventsOut, record);
        if (++count >= maxBatch) {
            flush();
        }
    }

    private void addKeyEvent(int kind, Object key, long time) throws IOException {
        eventsOut.writeByte(kind);
        eventsOut.writeLong(time);
        eventsOut.writeBoolean(true);
        RecordCodec.writeString(eventsOut, (String) key);
        keys.add((String) key);
        count++;
    }

    /** Hands the buffered events to the worker and applies its answer. */
    private void flush() throws Exception {
        if (count == 0) {
            return;
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(events.size() + 1024);
        DataOutputStream f = new DataOutputStream(frame);
        f.writeByte('P');
        f.writeLong(keyed ? timers.currentWatermark() : watermark);
        f.writeLong(context.currentProcessingTime());
        if (keyed) {
            f.writeInt(keys.size() * declared.size());
            for (String key : keys) {
                backend().setCurrentKey(key);
                for (String name : declared) {
                    RecordCodec.writeString(f, key);
                    RecordCodec.writeString(f, name);
                    byte[] v = state(name).value();
                    if (v == null) {
                        f.writeInt(-1);
                    } else {
                        RecordCodec.writeBytes(f, v);
                    }
                }
            }
        } else {
            f.writeInt(0);
        }
        f.writeInt(count);
        f.flush();
        events.writeTo(frame);
        events.reset();
        keys.clear();
        count = 0;
        DataInputStream in;
        List<Object[]> outputs;
        try {
            worker.send(frame);
            in = worker.receive();
            int n = in.readInt();
            outputs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long ts = in.readLong();
                outputs.add(new Object[] {RecordCodec.read(in), ts});
            }
            int sideOutputs = in.readInt();
            for (int i = 0; i < sideOutputs; i++) {
                OutputTag<Object> tag = tags.computeIfAbsent(RecordCodec.readString(in), OutputTag::new);
                long ts = in.readLong();
                outputs.add(new Object[] {RecordCodec.read(in), ts, tag});
            }
            int writes = in.readInt();
            for (int i = 0; i < writes; i++) {
                String key = RecordCodec.readString(in);
                String name = RecordCodec.readString(in);
                int len = in.readInt();
                byte[] v = null;
                if (len >= 0) {
                    v = new byte[len];
                    in.readFully(v);
                }
                backend().setCurrentKey(key);
                state(name).update(v);
            }
            int timerOps = in.readInt();
            for (int i = 0; i < timerOps; i++) {
                int op = in.readByte();
                String key = RecordCodec.readString(in);
                long time = in.readLong();
                backend().setCurrentKey(key);
                switch (op) {
                    case 0:
                        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
                        break;
                    case 1:
                        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
                        break;
                    case 2:
                        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
                        break;
                    default:
                        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
                        break;
                }
            }
            int broadcastWrites = in.readInt();
            for (int i = 0; i < broadcastWrites; i++) {
                String name = RecordCodec.readString(in);
                broadcastState.put(name, RecordCodec.readBytes(in));
            }
        } catch (IOException e) {
            throw worker.died(e);
        }
        for (Object[] o : outputs) {
            if (o.length > 2) {
                output.collect((OutputTag<?>) o[2], o[0], (Long) o[1]);
            } else {
                output.collect(o[0], (Long) o[1]);
            }
        }
    }

    @Override
    public boolean hasOperatorState() {
        return broadcastSecond;
    }

    @Override
    public void snapshotOperatorState(DataOutputStream out) throws Exception {
        out.writeInt(broadcastState.size());
        for (Map.Entry<String, byte[]> e : broadcastState.entrySet()) {
            RecordCodec.writeString(out, e.getKey());
            RecordCodec.writeBytes(out, e.getValue());
        }
    }

    @Override
    public void restoreOperatorState(java.io.DataInputStream in) throws Exception {
        broadcastState = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = RecordCodec.readString(in);
            broadcastState.put(name, RecordCodec.readBytes(in));
        }
    }

    @Override
    public int firstInputInBatch() {
        return broadcastSecond ? 1 : 0;
    }

    @Override
    public void finishBatch() throws Exception {
        flush();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        flush();
        if (keyed) {
            if (watermark > timers.currentWatermark()) {
                fireTimers(true, watermark);
            }
        } else {
            this.watermark = Math.max(this.watermark, watermark);
        }
        output.emitWatermark(watermark);
    }

    /** Fires every timer due at {@code time}, in batches, until the fired timers register no more due ones. */
    private void fireTimers(boolean eventTime, long time) throws Exception {
        while (true) {
            TimerService.Callback<Object, VoidNamespace> add = (key, ns, t) -> addKeyEvent(eventTime ? 2 : 3, key, t);
            if (eventTime) {
                timers.advanceWatermark(time, add);
            } else {
                timers.advanceProcessingTime(time, add);
            }
            if (count == 0) {
                return;
            }
            flush();
        }
    }

    @Override
    public boolean wantsProcessingTime() {
        return keyed;
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        if (keyed && timers.nextProcessingTime() <= now) {
            flush();
            fireTimers(false, now);
        }
    }

    @Override
    public void endInput() throws Exception {
        flush();
        if (keyed && declared.contains(REDUCE_STATE)
                && context.runtimeMode() == io.sluice.runtime.config.RuntimeMode.BATCH) {
            // a batch job's reduce emits each key's final value only (event kind 4)
            for (Object key : backend().keys(STATE_PREFIX + REDUCE_STATE, VoidNamespace.INSTANCE)) {
                addKeyEvent(4, key, RecordBatches.NO_TIMESTAMP);
                if (count >= maxBatch) {
                    flush();
                }
            }
            flush();
        }
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
