package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.triggers.TriggerResult;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Puts every record of a key into one {@link GlobalWindow}; it fires only through a custom trigger. */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    /** Whether the default trigger fires at the end of the input rather than never. */
    private final boolean endOfStream;

    protected GlobalWindows() {
        this(false);
    }

    private GlobalWindows(boolean endOfStream) {
        this.endOfStream = endOfStream;
    }

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    /**
     * Global windows whose default trigger fires once, at the end of the input (when the final watermark passes):
     * for bounded inputs, where each key's window then holds all its records.
     */
    public static GlobalWindows createWithEndOfStreamTrigger() {
        return new GlobalWindows(true);
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return endOfStream ? new EndOfStreamTrigger() : new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** The default trigger of global windows: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
        }
    }

    /** Fires a global window when the final watermark ({@code Long.MAX_VALUE}) passes at the end of the input. */
    public static class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public String toString() {
        return endOfStream ? "GlobalWindows(end of stream)" : "GlobalWindows()";
    }
}
