package io.sluice.streaming.api.windowing.windows;

/** The single window holding every record of a key (used with count triggers). */
public final class GlobalWindow extends Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {
    }

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}
