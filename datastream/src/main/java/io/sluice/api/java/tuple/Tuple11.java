package io.sluice.api.java.tuple;

/** A tuple of 11 fields, {@code f0} to {@code f10}. */
public class Tuple11<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> extends Tuple {
    private static final long serialVersionUID = 1L;
    /** Field 0. */
    public T0 f0;
    /** Field 1. */
    public T1 f1;
    /** Field 2. */
    public T2 f2;
    /** Field 3. */
    public T3 f3;
    /** Field 4. */
    public T4 f4;
    /** Field 5. */
    public T5 f5;
    /** Field 6. */
    public T6 f6;
    /** Field 7. */
    public T7 f7;
    /** Field 8. */
    public T8 f8;
    /** Field 9. */
    public T9 f9;
    /** Field 10. */
    public T10 f10;

    /** A tuple with every field null. */
    public Tuple11() {
    }

    public Tuple11(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
    }

    /** A tuple of the given values. */
    public static <T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> Tuple11<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10) {
        return new Tuple11<>(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10);
    }

    /** Sets every field. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
    }

    @Override
    public int getArity() {
        return 11;
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
            case 4:
                return (T) this.f4;
            case 5:
                return (T) this.f5;
            case 6:
                return (T) this.f6;
            case 7:
                return (T) this.f7;
            case 8:
                return (T) this.f8;
            case 9:
                return (T) this.f9;
            case 10:
                return (T) this.f10;
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
            case 4:
                this.f4 = (T4) value;
                break;
            case 5:
                this.f5 = (T5) value;
                break;
            case 6:
                this.f6 = (T6) value;
                break;
            case 7:
                this.f7 = (T7) value;
                break;
            case 8:
                this.f8 = (T8) value;
                break;
            case 9:
                this.f9 = (T9) value;
                break;
            case 10:
                this.f10 = (T10) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple11<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> copy() {
        return new Tuple11<>(this.f0, this.f1, this.f2, this.f3, this.f4, this.f5, this.f6, this.f7, this.f8, this.f9, this.f10);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple11)) {
            return false;
        }
        Tuple11<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> t = (Tuple11<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?>) o;
        return java.util.Objects.equals(f0, t.f0)
                && java.util.Objects.equals(f1, t.f1)
                && java.util.Objects.equals(f2, t.f2)
                && java.util.Objects.equals(f3, t.f3)
                && java.util.Objects.equals(f4, t.f4)
                && java.util.Objects.equals(f5, t.f5)
                && java.util.Objects.equals(f6, t.f6)
                && java.util.Objects.equals(f7, t.f7)
                && java.util.Objects.equals(f8, t.f8)
                && java.util.Objects.equals(f9, t.f9)
                && java.util.Objects.equals(f10, t.f10);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + (f0 == null ? 0 : f0.hashCode());
        h = 31 * h + (f1 == null ? 0 : f1.hashCode());
        h = 31 * h + (f2 == null ? 0 : f2.hashCode());
        h = 31 * h + (f3 == null ? 0 : f3.hashCode());
        h = 31 * h + (f4 == null ? 0 : f4.hashCode());
        h = 31 * h + (f5 == null ? 0 : f5.hashCode());
        h = 31 * h + (f6 == null ? 0 : f6.hashCode());
        h = 31 * h + (f7 == null ? 0 : f7.hashCode());
        h = 31 * h + (f8 == null ? 0 : f8.hashCode());
        h = 31 * h + (f9 == null ? 0 : f9.hashCode());
        h = 31 * h + (f10 == null ? 0 : f10.hashCode());
        return h;
    }

    @Override
    public String toString() {
        return "(" + fieldString(f0) + ","  + fieldString(f1) + ","  + fieldString(f2) + ","  + fieldString(f3) + ","  + fieldString(f4) + ","  + fieldString(f5) + ","  + fieldString(f6) + ","  + fieldString(f7) + ","  + fieldString(f8) + ","  + fieldString(f9) + ","  + fieldString(f10) + ")";
    }
}
