package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code socketTextStream} reads what a real server socket sends, reconnecting as often as it may. */
class SocketTextStreamTest {

    /** Serves each text on its own connection, in turn, then stops accepting. */
    private static Thread serve(ServerSocket server, String... texts) {
        Thread t = new Thread(() -> {
            try (server) {
                for (String text : texts) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @Timeout(60)
    void readsTheLinesOfASocket() throws Exception {
        ServerSocket server = new ServerSocket(0);
        serve(server, "to be\r\nor not\nto be");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> out = new ArrayList<>(env.socketTextStream("localhost", server.getLocalPort())
                .map(String::toUpperCase).executeAndCollect(100));
        out.sort(null);
        assertEquals(List.of("OR NOT", "TO BE", "TO BE"), out);
    }

    @Test
    @Timeout(60)
    void customDelimiterAndReconnecting() throws Exception {
        ServerSocket server = new ServerSocket(0);
        serve(server, "a|b|", "c|d");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = env.socketTextStream("localhost", server.getLocalPort(), "|", 1).executeAndCollect(100);
        assertEquals(List.of("a", "b", "c", "d"), out);

        ServerSocket once = new ServerSocket(0);
        serve(once, "x|y", "never read");
        List<String> first = env.socketTextStream("localhost", once.getLocalPort(), "|").executeAndCollect(100);
        assertEquals(List.of("x", "y"), first);
    }

    @Test
    void theSourceIsNotParallel() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.socketTextStream("localhost", 9999).setParallelism(2));
        assertEquals("The parallelism of non parallel operator must be 1.", e.getMessage());
    }
}
