package io.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.MeterView;
import io.sluice.metrics.MetricGroup;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.table.functions.FunctionContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMetricGroupTest {
    @Test
    void metricsAreRegisteredUnderTheirGroupPath() {
        UserMetricGroup root = new UserMetricGroup();
        MetricGroup shop = root.addGroup("shop", "orders");
        Counter c = shop.counter("seen");
        c.inc(3);
        c.dec();
        shop.addGroup("sizes").gauge("last", (Gauge<Integer>) () -> 42);
        root.meter("events", new MeterView(10)).markEvent(5);
        assertEquals(List.of("shop", "orders"), shop.getScopeComponents());
        assertEquals("shop.orders.seen", shop.getMetricIdentifier("seen"));
        assertEquals(List.of("events", "shop.orders.seen", "shop.orders.sizes.last"),
                List.copyOf(root.metrics().keySet()));
        assertEquals(2L, ((Counter) root.metrics().get("shop.orders.seen")).getCount());
        assertEquals(42, ((Gauge<?>) root.metrics().get("shop.orders.sizes.last")).getValue());
        // reporters: key/value groups as variables, named by the key
        assertEquals(new UserMetricGroup.Reported("shop.seen", java.util.Map.of("shop", "orders")),
                root.reported().get("shop.orders.seen"));
        assertEquals(new UserMetricGroup.Reported("shop.sizes.last", java.util.Map.of("shop", "orders")),
                root.reported().get("shop.orders.sizes.last"));
        assertEquals(new UserMetricGroup.Reported("events", java.util.Map.of()), root.reported().get("events"));
    }

    @Test
    void registeringANameAgainKeepsCountingOrFailsForAnotherKind() {
        UserMetricGroup root = new UserMetricGroup();
        Counter first = root.counter("rows");
        first.inc();
        assertSame(first, root.counter("rows"), "a function opened again after a restart keeps counting");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> root.meter("rows", new MeterView()));
        assertTrue(e.getMessage().contains("'rows' is registered already as a SimpleCounter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> root.counter(""));
    }

    @Test
    void histogramKeepsItsWindowAndEstimatesQuantilesAsCommonsMath() {
        UserMetricGroup root = new UserMetricGroup();
        DescriptiveStatisticsHistogram h = root.histogram("latency", new DescriptiveStatisticsHistogram(10));
        assertSame(h, root.histogram("latency", new DescriptiveStatisticsHistogram(10)));
        for (long i = 1; i <= 10; i++) {
            h.update(i);
        }
        io.sluice.metrics.HistogramStatistics s = h.getStatistics();
        assertEquals(10, h.getCount());
        assertEquals(10, s.size());
        assertEquals(5.5, s.getQuantile(0.5), 1e-9);
        assertEquals(8.25, s.getQuantile(0.75), 1e-9);
        assertEquals(10, s.getQuantile(0.99), 1e-9);
        assertEquals(1, s.getMin());
        assertEquals(10, s.getMax());
        assertEquals(5.5, s.getMean(), 1e-9);
        assertEquals(Math.sqrt(82.5 / 9), s.getStdDev(), 1e-9);
        for (long i = 11; i <= 15; i++) {
            h.update(i);
        }
        assertEquals(15, h.getCount());
        assertEquals(6, h.getStatistics().getMin(), "the window keeps the last 10 values");
        assertTrue(root.metrics().get("latency") instanceof io.sluice.metrics.Histogram);
    }

    @Test
    void meterRateIsEventsPerSecondOfItsSpan() {
        MeterView m = new MeterView(60);
        m.markEvent(120);
        m.markEvent();
        assertEquals(121, m.getCount());
        assertTrue(m.getRate() > 0 && m.getRate() <= 121, "rate " + m.getRate());
    }

    @Test
    void functionsOfAnOperatorRegisterInItsMetrics() {
        OperatorMetrics metrics = new OperatorMetrics(0, "Calc", 0, 1, false);
        OperatorContext context = new OperatorContext("Calc", null, new Configuration(), metrics);
        FunctionContext fc = UserFunctionLifecycle.functionContext(context, getClass().getClassLoader());
        fc.getMetricGroup().counter("calls").inc(7);
        assertEquals(7L, ((Counter) metrics.userMetricGroup().metrics().get("calls")).getCount());
        FunctionContext detached = new FunctionContext(java.util.Map.of(), getClass().getClassLoader());
        detached.getMetricGroup().counter("calls").inc();
        assertEquals(7L, ((Counter) metrics.userMetricGroup().metrics().get("calls")).getCount());
    }
}
