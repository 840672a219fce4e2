package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.state.BroadcastState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ReadOnlyBroadcastState;
import io.sluice.api.common.state.State;
import io.sluice.api.common.state.StateDescriptor;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.state.KeyedStateFunction;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.KeyedTimers;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.datastream.types.DynamicSerializer;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.streaming.api.functions.co.BaseBroadcastProcessFunction;
import io.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import io.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.util.OutputTag;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream connected with a broadcast stream: input 1 (the broadcast side, every record reaches every instance)
 * writes broadcast state, a map per descriptor name that each instance holds and checkpoints; input 0 reads it,
 * with keyed state and timers when it is keyed. In batch mode the broadcast side is read first.
 *
 * <p><b>Streaming semantics:</b> insert-only; broadcast state is operator state (saved per instance), keyed state and
 * timers are checkpointed with the keyed backend.
 */
public final class BroadcastProcessOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final KeyedBroadcastProcessFunction<Object, Object, Object, Object> keyed;
    private final BroadcastProcessFunction<Object, Object, Object> plain;
    private final List<String> declaredStates;
    private transient Map<String, Map<Object, Object>> states;
    private transient TimestampedCollector<Object> collector;
    private transient KeyedTimers timers;
    private transient long timestamp;
    private transient long watermark;
    private transient TimeDomain domain;
    private transient BaseBroadcastProcessFunction.Context writeCtx;
    private transient BaseBroadcastProcessFunction.ReadOnlyContext readCtx;
    private transient KeyedBroadcastProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;

    @SuppressWarnings("unchecked")
    public BroadcastProcessOperator(String name, KeySelector<?, ?> keySelector,
            KeyedBroadcastProcessFunction<?, ?, ?, ?> keyed, BroadcastProcessFunction<?, ?, ?> plain,
            List<String> declaredStates) {
        super(name, keySelector, null);
        this.keyed = (KeyedBroadcastProcessFunction<Object, Object, Object, Object>) keyed;
        this.plain = (BroadcastProcessFunction<Object, Object, Object>) plain;
        this.declaredStates = List.copyOf(declaredStates);
    }

    @Override
    public int firstInputInBatch() {
        return 1;
    }

    @Override
    public boolean hasOperatorState() {
        return true;
    }

    private Map<String, Map<Object, Object>> states() {
        if (states == null) {
            states = new LinkedHashMap<>();
        }
        return states;
    }

    @Override
    public void snapshotOperatorState(DataOutputStream out) throws Exception {
        DynamicSerializer.instance().serialize(new LinkedHashMap<>(states()), out);
    }

    /**
     * At another parallelism every instance takes the broadcast state of an earlier instance ({@code subtask} modulo
     * their number): the instances' copies are equal, as Flink assumes of broadcast state.
     */
    @Override
    public void restoreRescaledOperatorState(java.util.List<byte[]> states, int subtask, int parallelism)
            throws Exception {
        restoreOperatorState(new DataInputStream(new java.io.ByteArrayInputStream(
                states.get(subtask % states.size()))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreOperatorState(DataInputStream in) throws Exception {
        Map<Object, Object> restored = (Map<Object, Object>) DynamicSerializer.instance().deserialize(in);
        states = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : restored.entrySet()) {
            states.put((String) e.getKey(), new LinkedHashMap<>((Map<Object, Object>) e.getValue()));
        }
    }

    private Map<Object, Object> state(MapStateDescriptor<?, ?> d) {
        if (!declaredStates.contains(d.getName())) {
            throw new IllegalArgumentException("The requested state does not exist. Check for typos in your state "
                    + "descriptor, or specify the state descriptor in the datastream.broadcast(...) call if you "
                    + "forgot to register it: " + d.getName());
        }
        return states().computeIfAbsent(d.getName(), k -> new LinkedHashMap<>());
    }

    @Override
    public void open() throws Exception {
        states();
        collector = output.collector();
        watermark = Long.MIN_VALUE;
        if (isKeyed()) {
            timers = new KeyedTimers(context);
        }
        if (keyed != null) {
            writeCtx = keyedWriteContext();
        } else {
            writeCtx = plainWriteContext();
        }
        if (keyed != null) {
            readCtx = keyed.new ReadOnlyContext() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }

                @Override
                public long currentProcessingTime() {
                    return context.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return watermark;
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                    return new Writable<>(state(d));
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public Object getCurrentKey() {
                    return currentKey();
                }
            };
            timerCtx = keyed.new OnTimerContext() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }

                @Override
                public long currentProcessingTime() {
                    return context.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return watermark;
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                    return new Writable<>(state(d));
                }

                @Override
                public TimerService timerService() {
                    return timers;
                }

                @Override
                public Object getCurrentKey() {
                    return currentKey();
                }

                @Override
                public TimeDomain timeDomain() {
                    return domain;
                }
            };
        } else {
            readCtx = plain.new ReadOnlyContext() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }

                @Override
                public long currentProcessingTime() {
                    return context.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return watermark;
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                    return new Writable<>(state(d));
                }
            };
        }
        StreamingRuntimeContext.open(keyed != null ? keyed : plain, context);
    }

    private BaseBroadcastProcessFunction.Context plainWriteContext() {
        return plain.new Context() {
            @Override
            public Long timestamp() {
                return ts();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                SideOutputs.emit(output, outputTag, value, timestamp);
            }

            @Override
            public long currentProcessingTime() {
                return context.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return watermark;
            }

            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                return new Writable<>(state(d));
            }
        };
    }

    /** The keyed function's broadcast-side context, which can also visit the keyed state of every key. */
    private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.Context keyedWriteContext() {
        return keyed.new Context() {
            @Override
            public Long timestamp() {
                return ts();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                SideOutputs.emit(output, outputTag, value, timestamp);
            }

            @Override
            public long currentProcessingTime() {
                return context.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return watermark;
            }

            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                return new Writable<>(state(d));
            }

            @Override
            @SuppressWarnings("unchecked")
            public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> d,
                    KeyedStateFunction<Object, S> function) throws Exception {
                KeyedStateBackend<Object> backend = context.keyedState();
                StateStore<VoidNamespace> store = new StateStore<>(backend, StateSerializers.VOID_NAMESPACE,
                        VoidNamespace.INSTANCE, "", context::currentProcessingTime);
                Object previous = backend.getCurrentKey();
                try {
                    for (Object key : backend.keys(store.stateName(d), VoidNamespace.INSTANCE)) {
                        backend.setCurrentKey(key);
                        function.process(key, (S) store.state(d));
                    }
                } finally {
                    if (previous != null) {
                        backend.setCurrentKey(previous);
                    }
                }
            }
        };
    }

    private Long ts() {
        return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object value, long ts) throws Exception {
        timestamp = ts;
        if (input == 1) {
            if (keyed != null) {
                keyed.processBroadcastElement(value,
                        (KeyedBroadcastProcessFunction<Object, Object, Object, Object>.Context) writeCtx,
                        collector.at(ts));
            } else {
                plain.processBroadcastElement(value, (BroadcastProcessFunction<Object, Object, Object>.Context) writeCtx,
                        collector.at(ts));
            }
            return;
        }
        setCurrentKey(0, value);
        if (keyed != null) {
            keyed.processElement(value,
                    (KeyedBroadcastProcessFunction<Object, Object, Object, Object>.ReadOnlyContext) readCtx,
                    collector.at(ts));
        } else {
            plain.processElement(value, (BroadcastProcessFunction<Object, Object, Object>.ReadOnlyContext) readCtx,
                    collector.at(ts));
        }
    }

    @Override
    public void processWatermark(long wm) throws Exception {
        watermark = Math.max(watermark, wm);
        if (timers != null && wm > timers.timers().currentWatermark()) {
            timers.timers().advanceWatermark(wm, (key, ns, time) -> fire(time, TimeDomain.EVENT_TIME, time));
        }
        output.emitWatermark(wm);
    }

    private void fire(long time, TimeDomain d, long outTimestamp) throws Exception {
        timestamp = outTimestamp;
        domain = d;
        keyed.onTimer(time, timerCtx, collector.at(outTimestamp));
    }

    @Override
    public boolean wantsProcessingTime() {
        return isKeyed();
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        io.sluice.runtime.state.keyed.TimerService<Object, VoidNamespace> t = timers.timers();
        if (t.nextProcessingTime() <= now) {
            t.advanceProcessingTime(now, (key, ns, time) -> fire(time, TimeDomain.PROCESSING_TIME,
                    RecordBatches.NO_TIMESTAMP));
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(keyed != null ? keyed : plain);
    }

    /** One broadcast state map. */
    private static final class Writable<K, V> implements BroadcastState<K, V> {
        private final Map<Object, Object> map;

        Writable(Map<Object, Object> map) {
            this.map = map;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(K key) {
            return (V) map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap((Map<K, V>) (Map<?, ?>) map).entrySet();
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> m) {
            map.putAll(m);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterator<Map.Entry<K, V>> iterator() {
            return ((Map<K, V>) (Map<?, ?>) map).entrySet().iterator();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<Map.Entry<K, V>> entries() {
            return ((Map<K, V>) (Map<?, ?>) map).entrySet();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
