package io.sluice.api.java.tuple;

/** A tuple of 3 fields, {@code f0} to {@code f2}. */
public class Tuple3<T0, T1, T2> extends Tuple {
    private static final long serialVersionUID = 1L;
    /** Field 0. */
    public T0 f0;
    /** Field 1. */
    public T1 f1;
    /** Field 2. */
    public T2 f2;

    /** A tuple with every field null. */
    public Tuple3() {
    }

    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    /** A tuple of the given values. */
    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    /** Sets every field. */
    public void setFields(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    @Override
    public int getArity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            case 1:
                return (T) this.f1;
            case 2:
                return (T) this.f2;
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
            case 2:
                this.f2 = (T2) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple3<T0, T1, T2> copy() {
        return new Tuple3<>(this.f0, this.f1, this.f2);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple3)) {
            return false;
        }
        Tuple3<?, ?, ?> t = (Tuple3<?, ?, ?>) o;
        return java.util.Objects.equals(f0, t.f0)
                && java.util.Objects.equals(f1, t.f1)
                && java.util.Objects.equals(f2, t.f2);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + (f0 == null ? 0 : f0.hashCode());
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        h = 31 * h + (f2 == null ? 0 : f2.hashCode());
        return h;
    }

    @Override
    public String toString() {
        return "(" + fieldString(f0) + ","  + fieldString(f1) + ","  + fieldString(f2) + ")";
    }
}
