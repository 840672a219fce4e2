package io.sluice.api.java.tuple;

/**
 * The base of {@code Tuple0} to {@code Tuple25}: fixed-arity records with public fields {@code f0, f1, ...}. Tuples
 * are mutable; {@code equals}, {@code hashCode} and {@code toString} ("{@code (a,b)}") use every field.
 */
public abstract class Tuple implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest arity of a tuple class. */
    public static final int MAX_ARITY = 25;

    /** Field {@code pos} (0-based). */
    public abstract <T> T getField(int pos);

    /** Sets field {@code pos} (0-based). */
    public abstract <T> void setField(T value, int pos);

    public abstract int getArity();

    /** A shallow copy. */
    public abstract <T extends Tuple> T copy();

    /** A new tuple of {@code arity} fields, all null. */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 0:
                return new Tuple0();
            case 1:
                return new Tuple1<>();
            case 2:
                return new Tuple2<>();
            case 3:
                return new Tuple3<>();
            case 4:
                return new Tuple4<>();
            case 5:
                return new Tuple5<>();
            case 6:
                return new Tuple6<>();
            case 7:
                return new Tuple7<>();
            case 8:
                return new Tuple8<>();
            case 9:
                return new Tuple9<>();
            case 10:
                return new Tuple10<>();
            case 11:
                return new Tuple11<>();
            case 12:
                return new Tuple12<>();
            case 13:
                return new Tuple13<>();
            case 14:
                return new Tuple14<>();
            case 15:
                return new Tuple15<>();
            case 16:
                return new Tuple16<>();
            case 17:
                return new Tuple17<>();
            case 18:
                return new Tuple18<>();
            case 19:
                return new Tuple19<>();
            case 20:
                return new Tuple20<>();
            case 21:
                return new Tuple21<>();
            case 22:
                return new Tuple22<>();
            case 23:
                return new Tuple23<>();
            case 24:
                return new Tuple24<>();
            case 25:
                return new Tuple25<>();
            default:
                throw new IllegalArgumentException("The tuple arity must be between 0 and " + MAX_ARITY + ", was " + arity);
        }
    }

    /** The class of tuples of {@code arity} fields. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        return newInstance(arity).getClass();
    }

    static String fieldString(Object o) {
        if (o instanceof Object[]) {
            return java.util.Arrays.deepToString((Object[]) o);
        }
        if (o != null && o.getClass().isArray()) {
            if (o instanceof int[]) {
                return java.util.Arrays.toString((int[]) o);
            } else if (o instanceof long[]) {
                return java.util.Arrays.toString((long[]) o);
            } else if (o instanceof double[]) {
                return java.util.Arrays.toString((double[]) o);
            } else if (o instanceof byte[]) {
                return java.util.Arrays.toString((byte[]) o);
            }
        }
        return String.valueOf(o);
    }
}
