package io.sluice.datastream.runtime.operators;

/** A record of one of two inputs, for operations that run two streams through one keyed operator (window joins). */
public final class TaggedUnion {
    /** Whether the record came from the first input. */
    public boolean isOne;
    public Object one;
    public Object two;

    public TaggedUnion() {
    }

    public static TaggedUnion one(Object value) {
        TaggedUnion t = new TaggedUnion();
        t.isOne = true;
        t.one = value;
        return t;
    }

    public static TaggedUnion two(Object value) {
        TaggedUnion t = new TaggedUnion();
        t.two = value;
        return t;
    }
}
