package io.sluice.runtime.operator.window;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fires the windows a watermark has reached, for the operators that hold per-window state in a map ordered by
 * {@code window_end}: a window fires when the watermark is at or past its last millisecond
 * ({@code window_end - 1}), in order of its end, and its state is removed from the map and released.
 */
final class WindowFiring {
    private WindowFiring() {
    }

    /** One step applied to a window's state. */
    @FunctionalInterface
    interface WindowAction<S> {
        /** Applies the step to {@code state}. */
        void apply(S state) throws Exception;
    }

    /**
     * Removes every window of {@code windows} whose {@code window_end - 1} is at or below {@code watermark}, in
     * order of its end, and for each calls {@code fire} and then, even when {@code fire} fails, {@code release}
     * (a failure of {@code release} after one of {@code fire} is added to it as suppressed).
     */
    static <S> void fireUpTo(TreeMap<Long, S> windows, long watermark, WindowAction<S> fire,
            WindowAction<S> release) throws Exception {
        Iterator<Map.Entry<Long, S>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, S> e = it.next();
            if (e.getKey() - 1 > watermark) {
                break;
            }
            it.remove();
            S state = e.getValue();
            try (AutoCloseable released = () -> release.apply(state)) {
                fire.apply(state);
            }
        }
    }
}
