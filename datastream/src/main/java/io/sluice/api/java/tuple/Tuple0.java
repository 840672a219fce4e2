package io.sluice.api.java.tuple;

/** A tuple of 0 fields. */
public class Tuple0 extends Tuple {
    private static final long serialVersionUID = 1L;

    /** A tuple with every field null. */
    public Tuple0() {
    }

    public static Tuple0 of() {
        return new Tuple0();
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple0 copy() {
        return new Tuple0();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple0)) {
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        return h;
    }

    @Override
    public String toString() {
        return "(" + ")";
    }
}
