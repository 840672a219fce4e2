package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.ChainedOperator;

/**
 * An operator on a keyed stream (or two; with null key selectors the same operator works on non-keyed streams): it heads its chain, and before it handles a record it makes the record's
 * key current in the keyed state, so state and timers apply to that key.
 */
public abstract class KeyedOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final KeySelector<Object, Object>[] keySelectors;

    @SafeVarargs
    @SuppressWarnings("unchecked")
    protected KeyedOperator(String name, KeySelector<?, ?>... keySelectors) {
        super(name);
        this.keySelectors = (KeySelector<Object, Object>[]) keySelectors;
    }

    @Override
    public final boolean isKeyed() {
        return keySelectors.length > 0 && keySelectors[0] != null;
    }

    /** Makes the key of {@code value} (of input {@code input}) current; returns it. */
    protected Object setCurrentKey(int input, Object value) throws Exception {
        if (!isKeyed()) {
            return null;
        }
        Object key = keySelectors[input].getKey(value);
        if (key == null) {
            throw new NullPointerException("The key selector of " + name() + " returned null; keys must not be null");
        }
        context.keyedState().setCurrentKey(key);
        return key;
    }

    protected Object currentKey() {
        return context.keyedState().getCurrentKey();
    }
}
