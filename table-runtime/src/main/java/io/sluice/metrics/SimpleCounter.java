package io.sluice.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A {@link Counter} that any thread may update and read. */
public final class SimpleCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void inc() {
        count.incrementAndGet();
    }

    @Override
    public void inc(long n) {
        count.addAndGet(n);
    }

    @Override
    public void dec() {
        count.decrementAndGet();
    }

    @Override
    public void dec(long n) {
        count.addAndGet(-n);
    }

    @Override
    public long getCount() {
        return count.get();
    }

    @Override
    public String toString() {
        return Long.toString(getCount());
    }
}
