package io.sluice.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peaks of memory use while a benchmark runs: heap used (sampled every few milliseconds, so it
 * includes garbage not collected yet), heap in use right after each garbage collection (the live
 * heap, from GC notifications), and off-heap direct memory (Netty's counter, which Arrow's allocator
 * goes through, or the JDK's direct buffer pool, whichever is larger). {@link #reset} starts a new
 * measurement; the peaks cover everything since.
 */
final class MemorySampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean directPool;
    private final Thread thread;
    private final List<Runnable> unregister = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakAfterGc;
    private volatile long peakDirect;

    MemorySampler(long periodMillis) {
        BufferPoolMXBean direct = null;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool;
            }
        }
        directPool = direct;
        listenToGc();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void listenToGc() {
        NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code")
                        && !pool.getKey().contains("Compressed")) {
                    after += pool.getValue().getUsed();
                }
            }
            synchronized (this) {
                peakAfterGc = Math.max(peakAfterGc, after);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    private synchronized void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        long direct = Math.max(directPool == null ? 0 : directPool.getMemoryUsed(), nettyDirect());
        peakDirect = Math.max(peakDirect, direct);
    }

    private static long nettyDirect() {
        try {
            return io.netty.util.internal.PlatformDependent.usedDirectMemory();
        } catch (Throwable t) {
            return -1;
        }
    }

    /** Forgets the peaks seen so far. */
    synchronized void reset() {
        peakHeap = 0;
        peakAfterGc = 0;
        peakDirect = 0;
        sample();
    }

    /** Largest sampled heap use since {@link #reset}, bytes. */
    long peakHeap() {
        sample();
        return peakHeap;
    }

    /** Largest heap use right after a collection since {@link #reset}, bytes (0 if no GC ran). */
    long peakHeapAfterGc() {
        return peakAfterGc;
    }

    /** Largest direct memory use since {@link #reset}, bytes. */
    long peakDirect() {
        sample();
        return peakDirect;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        unregister.forEach(Runnable::run);
    }
}
