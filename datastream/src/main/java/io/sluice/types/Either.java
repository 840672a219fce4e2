package io.sluice.types;

import java.util.Objects;

/**
 * A value of one of two types: a {@link Left} or a {@link Right} (for instance a result or an error). Records of this
 * type travel between tasks and sit in state like any other; declare them with {@code Types.EITHER(left, right)}.
 */
public abstract class Either<L, R> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** A left value. */
    public static <L, R> Either<L, R> Left(L value) {
        return new Left<>(value);
    }

    /** A right value. */
    public static <L, R> Either<L, R> Right(R value) {
        return new Right<>(value);
    }

    /** The left value; fails for a right one. */
    public abstract L left() throws IllegalStateException;

    /** The right value; fails for a left one. */
    public abstract R right() throws IllegalStateException;

    public final boolean isLeft() {
        return getClass() == Left.class;
    }

    public final boolean isRight() {
        return getClass() == Right.class;
    }

    /** A left value. */
    public static class Left<L, R> extends Either<L, R> {
        private static final long serialVersionUID = 1L;
        private L value;

        public Left(L value) {
            this.value = Objects.requireNonNull(value);
        }

        @Override
        public L left() {
            return value;
        }

        @Override
        public R right() {
            throw new IllegalStateException("Cannot retrieve Right value on a Left");
        }

        public void setValue(L value) {
            this.value = Objects.requireNonNull(value);
        }

        /** A left value. */
        public static <L, R> Left<L, R> of(L left) {
            return new Left<>(left);
        }

        @Override
        public boolean equals(Object object) {
            return object instanceof Left && value.equals(((Left<?, ?>) object).value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Left(" + value + ")";
        }
    }

    /** A right value. */
    public static class Right<L, R> extends Either<L, R> {
        private static final long serialVersionUID = 1L;
        private R value;

        public Right(R value) {
            this.value = Objects.requireNonNull(value);
        }

        @Override
        public L left() {
            throw new IllegalStateException("Cannot retrieve Left value on a Right");
        }

        @Override
        public R right() {
            return value;
        }

        public void setValue(R value) {
            this.value = Objects.requireNonNull(value);
        }

        /** A right value. */
        public static <L, R> Right<L, R> of(R right) {
            return new Right<>(right);
        }

        @Override
        public boolean equals(Object object) {
            return object instanceof Right && value.equals(((Right<?, ?>) object).value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Right(" + value + ")";
        }
    }
}
