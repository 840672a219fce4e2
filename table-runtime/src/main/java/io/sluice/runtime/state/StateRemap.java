package io.sluice.runtime.state;

/**
 * Copies per-entry arrays of a snapshot restored at another parallelism into an operator's arrays: entry {@code e}
 * of the snapshot goes to {@code target[e]}, or is left out when that is negative (its key belongs to another
 * instance now). The destination arrays must already have room for every target.
 */
public final class StateRemap {
    private StateRemap() {
    }

    /** Whether {@code target} keeps any entry. */
    public static boolean keepsAny(int[] target) {
        for (int t : target) {
            if (t >= 0) {
                return true;
            }
        }
        return false;
    }

    public static void copy(long[] from, int[] target, long[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }

    public static void copy(double[] from, int[] target, double[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }

    public static void copy(int[] from, int[] target, int[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }

    public static void copy(boolean[] from, int[] target, boolean[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }

    public static void copy(byte[] from, int[] target, byte[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }

    public static <T> void copy(T[] from, int[] target, T[] to) {
        for (int e = 0; e < target.length && e < from.length; e++) {
            if (target[e] >= 0) {
                to[target[e]] = from[e];
            }
        }
    }
}
