package io.sluice.datastream.runtime.window;

import io.sluice.api.common.functions.Function;
import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.streaming.api.functions.windowing.AllWindowFunction;
import io.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.functions.windowing.WindowFunction;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;
import java.io.Serializable;

/** The user's window function behind one interface: called with the key, the window and its contents. */
public abstract class WindowFunctions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a window function may use besides its arguments. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        KeyedStateStore windowState();

        KeyedStateStore globalState();

        void output(OutputTag<?> tag, Object value);
    }

    abstract void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out)
            throws Exception;

    /** Called when a window is removed (a process window function clears its per-window state). */
    void clear(Object key, Window window, Context ctx) throws Exception {
    }

    /** The user function, to open and close (null when there is none). */
    abstract Function function();

    /** Emits the contents as they are (a reduction's or aggregation's result). */
    public static WindowFunctions passThrough() {
        return new WindowFunctions() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out) {
                for (Object o : contents) {
                    out.collect(o);
                }
            }

            @Override
            Function function() {
                return null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static WindowFunctions of(WindowFunction<?, ?, ?, ?> function) {
        WindowFunction<Object, Object, Object, Window> f = (WindowFunction<Object, Object, Object, Window>) function;
        return new WindowFunctions() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out)
                    throws Exception {
                f.apply(key, window, contents, out);
            }

            @Override
            Function function() {
                return f;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static WindowFunctions of(AllWindowFunction<?, ?, ?> function) {
        AllWindowFunction<Object, Object, Window> f = (AllWindowFunction<Object, Object, Window>) function;
        return new WindowFunctions() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out)
                    throws Exception {
                f.apply(window, contents, out);
            }

            @Override
            Function function() {
                return f;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static WindowFunctions of(ProcessWindowFunction<?, ?, ?, ?> function) {
        ProcessWindowFunction<Object, Object, Object, Window> f =
                (ProcessWindowFunction<Object, Object, Object, Window>) function;
        return new WindowFunctions() {
            private static final long serialVersionUID = 1L;

            private ProcessWindowFunction<Object, Object, Object, Window>.Context context(Window window, Context ctx) {
                return f.new Context() {
                    @Override
                    public Window window() {
                        return window;
                    }

                    @Override
                    public long currentProcessingTime() {
                        return ctx.currentProcessingTime();
                    }

                    @Override
                    public long currentWatermark() {
                        return ctx.currentWatermark();
                    }

                    @Override
                    public KeyedStateStore windowState() {
                        return ctx.windowState();
                    }

                    @Override
                    public KeyedStateStore globalState() {
                        return ctx.globalState();
                    }

                    @Override
                    public <X> void output(OutputTag<X> outputTag, X value) {
                        ctx.output(outputTag, value);
                    }
                };
            }

            @Override
            void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out)
                    throws Exception {
                f.process(key, context(window, ctx), contents, out);
            }

            @Override
            void clear(Object key, Window window, Context ctx) throws Exception {
                f.clear(context(window, ctx));
            }

            @Override
            Function function() {
                return f;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static WindowFunctions of(ProcessAllWindowFunction<?, ?, ?> function) {
        ProcessAllWindowFunction<Object, Object, Window> f = (ProcessAllWindowFunction<Object, Object, Window>) function;
        return new WindowFunctions() {
            private static final long serialVersionUID = 1L;

            private ProcessAllWindowFunction<Object, Object, Window>.Context context(Window window, Context ctx) {
                return f.new Context() {
                    @Override
                    public Window window() {
                        return window;
                    }

                    @Override
                    public KeyedStateStore windowState() {
                        return ctx.windowState();
                    }

                    @Override
                    public KeyedStateStore globalState() {
                        return ctx.globalState();
                    }

                    @Override
                    public <X> void output(OutputTag<X> outputTag, X value) {
                        ctx.output(outputTag, value);
                    }
                };
            }

            @Override
            void process(Object key, Window window, Iterable<Object> contents, Context ctx, Collector<Object> out)
                    throws Exception {
                f.process(context(window, ctx), contents, out);
            }

            @Override
            void clear(Object key, Window window, Context ctx) throws Exception {
                f.clear(context(window, ctx));
            }

            @Override
            Function function() {
                return f;
            }
        };
    }
}
