package io.sluice.api.java.tuple;

/** A tuple of 4 fields, {@code f0} to {@code f3}. */
public class Tuple4<T0, T1, T2, T3> extends Tuple {
    private static final long serialVersionUID = 1L;
    /** Field 0. */
    public T0 f0;
    /** Field 1. */
    public T1 f1;
    /** Field 2. */
    public T2 f2;
    /** Field 3. */
    public T3 f3;

    /** A tuple with every field null. */
    public Tuple4() {
    }

    public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    /** A tuple of the given values. */
    public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    /** Sets every field. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    @Override
    public int getArity() {
        return 4;
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
            case 3:
                return (T) this.f3;
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
            case 3:
                this.f3 = (T3) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple4<T0, T1, T2, T3> copy() {
        return new Tuple4<>(this.f0, this.f1, this.f2, this.f3);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple4)) {
            return false;
        }
        Tuple4<?, ?, ?, ?> t = (Tuple4<?, ?, ?, ?>) o;
        return java.util.Objects.equals(f0, t.f0)
                && java.util.Objects.equals(f1, t.f1)
                && java.util.Objects.equals(f2, t.f2)
                && java.util.Objects.equals(f3, t.f3);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + (f0 == null ? 0 : f0.hashCode());
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        h = 31 * h + (f2 == null ? 0 : f2.hashCode());
        h = 31 * h + (f3 == null ? 0 : f3.hashCode());
        return h;
    }

    @Override
    public String toString() {
        return "(" + fieldString(f0) + ","  + fieldString(f1) + ","  + fieldString(f2) + ","  + fieldString(f3) + ")";
    }
}
