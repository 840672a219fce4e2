package io.sluice.datastream.runtime.window;

import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.streaming.api.windowing.windows.Window;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Serializers of windows, used as the namespace of window state and timers. */
final class WindowSerializers {
    private WindowSerializers() {
    }

    static final StateSerializer<Window> TIME_WINDOW = new StateSerializer<>() {
        @Override
        public void serialize(Window value, DataOutput out) throws IOException {
            out.writeLong(((TimeWindow) value).getStart());
            out.writeLong(((TimeWindow) value).getEnd());
        }

        @Override
        public Window deserialize(DataInput in) throws IOException {
            return new TimeWindow(in.readLong(), in.readLong());
        }

        @Override
        public String identity() {
            return "TimeWindow";
        }
    };

    static final StateSerializer<Window> GLOBAL_WINDOW = new StateSerializer<>() {
        @Override
        public void serialize(Window value, DataOutput out) {
        }

        @Override
        public Window deserialize(DataInput in) {
            return GlobalWindow.get();
        }

        @Override
        public String identity() {
            return "GlobalWindow";
        }
    };

    static StateSerializer<Window> forAssigner(WindowAssigner<?, ?> assigner) {
        return assigner instanceof GlobalWindows ? GLOBAL_WINDOW : TIME_WINDOW;
    }
}
