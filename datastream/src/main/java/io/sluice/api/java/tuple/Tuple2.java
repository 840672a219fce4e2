package io.sluice.api.java.tuple;

/** A tuple of 2 fields, {@code f0} to {@code f1}. */
public class Tuple2<T0, T1> extends Tuple {
    private static final long serialVersionUID = 1L;
    /** Field 0. */
    public T0 f0;
    /** Field 1. */
    public T1 f1;

    /** A tuple with every field null. */
    public Tuple2() {
    }

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** A tuple of the given values. */
    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Sets every field. */
    public void setFields(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            case 1:
                return (T) this.f1;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                this.f0 = (T0) value;
                break;
            case 1:
                this.f1 = (T1) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(this.f0, this.f1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> t = (Tuple2<?, ?>) o;
        return java.util.Objects.equals(f0, t.f0)
                && java.util.Objects.equals(f1, t.f1);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + (f0 == null ? 0 : f0.hashCode());
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        return h;
    }

    @Override
    public String toString() {
        return "(" + fieldString(f0) + ","  + fieldString(f1) + ")";
    }
}
