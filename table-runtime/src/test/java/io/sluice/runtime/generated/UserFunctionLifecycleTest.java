package io.sluice.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.config.Configuration;
import io.sluice.table.functions.FunctionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFunctionLifecycleTest {
    /** A generated object holding functions: records what happened to it. */
    private static final class Holder implements UsesUserFunctions {
        final List<String> events;
        final String name;
        final boolean failOnClose;
        FunctionContext context;

        Holder(List<String> events, String name, boolean failOnClose) {
            this.events = events;
            this.name = name;
            this.failOnClose = failOnClose;
        }

        @Override
        public void openFunctions(FunctionContext context) {
            this.context = context;
            events.add("open " + name);
        }

        @Override
        public void closeFunctions() throws Exception {
            events.add("close " + name);
            if (failOnClose) {
                throw new Exception("close failed: " + name);
            }
        }
    }

    @Test
    void parsesFlinkMapSyntax() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("k1", "v1");
        expected.put("k2", "v1,v2");
        expected.put("k3", "str:ing");
        expected.put("k4", "str\"ing");
        assertEquals(expected, UserFunctionLifecycle.parseJobParameters(
                "k1:v1,\"k2:v1,v2\",k3:\"str:ing\",\"k4:str\"\"ing\""));
        assertEquals(expected, UserFunctionLifecycle.parseJobParameters(
                UserFunctionLifecycle.formatJobParameters(expected)));
        assertThrows(IllegalArgumentException.class, () -> UserFunctionLifecycle.parseJobParameters("novalue"));
    }

    @Test
    void jobParametersAreSessionOptionsOverlaidWithGlobalJobParameters() throws Exception {
        Configuration config = new Configuration().setString("table.local-time-zone", "UTC")
                .setString("probe", "session").setString(UserFunctionLifecycle.GLOBAL_JOB_PARAMETERS, "probe:global");
        List<String> events = new ArrayList<>();
        Holder h = new Holder(events, "a", false);
        UserFunctionLifecycle.open(config, null, h, "not generated");
        assertEquals(List.of("open a"), events);
        assertEquals("UTC", h.context.getJobParameter("table.local-time-zone", "?"));
        assertEquals("global", h.context.getJobParameter("probe", "?"));
        assertEquals("dflt", h.context.getJobParameter("missing", "dflt"));
        assertSame(Holder.class.getClassLoader(), h.context.getUserCodeClassLoader());
    }

    @Test
    void closesEveryHolderAndRethrowsTheFirstFailure() {
        List<String> events = new ArrayList<>();
        Exception e = assertThrows(Exception.class, () -> UserFunctionLifecycle.close(new Holder(events, "a", true),
                null, new Holder(events, "b", false), new Holder(events, "c", true)));
        assertEquals(List.of("close a", "close b", "close c"), events);
        assertEquals("close failed: a", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertThrows(RuntimeException.class, () -> UserFunctionLifecycle.closeUnchecked(new Holder(events, "d", true)));
    }
}
