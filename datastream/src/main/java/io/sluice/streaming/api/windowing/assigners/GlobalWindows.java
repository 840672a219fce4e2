package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.triggers.TriggerResult;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Puts every record of a key into one {@link GlobalWindow}; it fires only through a custom trigger. */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    protected GlobalWindows() {
    }

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
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

    @Override
    public String toString() {
        return "GlobalWindows()";
    }
}
