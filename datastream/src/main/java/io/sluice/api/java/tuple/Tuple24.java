package io.sluice.api.java.tuple;

/** A tuple of 24 fields, {@code f0} to {@code f23}. */
public class Tuple24<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23> extends Tuple {
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
    /** Field 11. */
    public T11 f11;
    /** Field 12. */
    public T12 f12;
    /** Field 13. */
    public T13 f13;
    /** Field 14. */
    public T14 f14;
    /** Field 15. */
    public T15 f15;
    /** Field 16. */
    public T16 f16;
    /** Field 17. */
    public T17 f17;
    /** Field 18. */
    public T18 f18;
    /** Field 19. */
    public T19 f19;
    /** Field 20. */
    public T20 f20;
    /** Field 21. */
    public T21 f21;
    /** Field 22. */
    public T22 f22;
    /** Field 23. */
    public T23 f23;

    /** A tuple with every field null. */
    public Tuple24() {
    }

    public Tuple24(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11, T12 f12, T13 f13, T14 f14, T15 f15, T16 f16, T17 f17, T18 f18, T19 f19, T20 f20, T21 f21, T22 f22, T23 f23) {
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
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
        this.f17 = f17;
        this.f18 = f18;
        this.f19 = f19;
        this.f20 = f20;
        this.f21 = f21;
        this.f22 = f22;
        this.f23 = f23;
    }

    /** A tuple of the given values. */
    public static <T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23> Tuple24<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11, T12 f12, T13 f13, T14 f14, T15 f15, T16 f16, T17 f17, T18 f18, T19 f19, T20 f20, T21 f21, T22 f22, T23 f23) {
        return new Tuple24<>(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23);
    }

    /** Sets every field. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11, T12 f12, T13 f13, T14 f14, T15 f15, T16 f16, T17 f17, T18 f18, T19 f19, T20 f20, T21 f21, T22 f22, T23 f23) {
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
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
        this.f17 = f17;
        this.f18 = f18;
        this.f19 = f19;
        this.f20 = f20;
        this.f21 = f21;
        this.f22 = f22;
        this.f23 = f23;
    }

    @Override
    public int getArity() {
        return 24;
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
            case 11:
                return (T) this.f11;
            case 12:
                return (T) this.f12;
            case 13:
                return (T) this.f13;
            case 14:
                return (T) this.f14;
            case 15:
                return (T) this.f15;
            case 16:
                return (T) this.f16;
            case 17:
                return (T) this.f17;
            case 18:
                return (T) this.f18;
            case 19:
                return (T) this.f19;
            case 20:
                return (T) this.f20;
            case 21:
                return (T) this.f21;
            case 22:
                return (T) this.f22;
            case 23:
                return (T) this.f23;
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
            case 11:
                this.f11 = (T11) value;
                break;
            case 12:
                this.f12 = (T12) value;
                break;
            case 13:
                this.f13 = (T13) value;
                break;
            case 14:
                this.f14 = (T14) value;
                break;
            case 15:
                this.f15 = (T15) value;
                break;
            case 16:
                this.f16 = (T16) value;
                break;
            case 17:
                this.f17 = (T17) value;
                break;
            case 18:
                this.f18 = (T18) value;
                break;
            case 19:
                this.f19 = (T19) value;
                break;
            case 20:
                this.f20 = (T20) value;
                break;
            case 21:
                this.f21 = (T21) value;
                break;
            case 22:
                this.f22 = (T22) value;
                break;
            case 23:
                this.f23 = (T23) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple24<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23> copy() {
        return new Tuple24<>(this.f0, this.f1, this.f2, this.f3, this.f4, this.f5, this.f6, this.f7, this.f8, this.f9, this.f10, this.f11, this.f12, this.f13, this.f14, this.f15, this.f16, this.f17, this.f18, this.f19, this.f20, this.f21, this.f22, this.f23);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple24)) {
            return false;
        }
        Tuple24<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> t = (Tuple24<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?>) o;
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
                && java.util.Objects.equals(f10, t.f10)
                && java.util.Objects.equals(f11, t.f11)
                && java.util.Objects.equals(f12, t.f12)
                && java.util.Objects.equals(f13, t.f13)
                && java.util.Objects.equals(f14, t.f14)
                && java.util.Objects.equals(f15, t.f15)
                && java.util.Objects.equals(f16, t.f16)
                && java.util.Objects.equals(f17, t.f17)
                && java.util.Objects.equals(f18, t.f18)
                && java.util.Objects.equals(f19, t.f19)
                && java.util.Objects.equals(f20, t.f20)
                && java.util.Objects.equals(f21, t.f21)
                && java.util.Objects.equals(f22, t.f22)
                && java.util.Objects.equals(f23, t.f23);
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
        h = 31 * h + (f11 == null ? 0 : f11.hashCode());
        h = 31 * h + (f12 == null ? 0 : f12.hashCode());
        h = 31 * h + (f13 == null ? 0 : f13.hashCode());
        h = 31 * h + (f14 == null ? 0 : f14.hashCode());
        h = 31 * h + (f15 == null ? 0 : f15.hashCode());
        h = 31 * h + (f16 == null ? 0 : f16.hashCode());
        h = 31 * h + (f17 == null ? 0 : f17.hashCode());
        h = 31 * h + (f18 == null ? 0 : f18.hashCode());
        h = 31 * h + (f19 == null ? 0 : f19.hashCode());
        h = 31 * h + (f20 == null ? 0 : f20.hashCode());
        h = 31 * h + (f21 == null ? 0 : f21.hashCode());
        h = 31 * h + (f22 == null ? 0 : f22.hashCode());
        h = 31 * h + (f23 == null ? 0 : f23.hashCode());
        return h;
    }

    @Override
    public String toString() {
        return "(" + fieldString(f0) + ","  + fieldString(f1) + ","  + fieldString(f2) + ","  + fieldString(f3) + ","  + fieldString(f4) + ","  + fieldString(f5) + ","  + fieldString(f6) + ","  + fieldString(f7) + ","  + fieldString(f8) + ","  + fieldString(f9) + ","  + fieldString(f10) + ","  + fieldString(f11) + ","  + fieldString(f12) + ","  + fieldString(f13) + ","  + fieldString(f14) + ","  + fieldString(f15) + ","  + fieldString(f16) + ","  + fieldString(f17) + ","  + fieldString(f18) + ","  + fieldString(f19) + ","  + fieldString(f20) + ","  + fieldString(f21) + ","  + fieldString(f22) + ","  + fieldString(f23) + ")";
    }
}
