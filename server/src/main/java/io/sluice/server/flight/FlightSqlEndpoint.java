package io.sluice.server.flight;

import io.grpc.netty.NettyServerBuilder;
import io.sluice.server.LoginThrottle;
import io.sluice.server.ServerOptions;
import io.sluice.server.SessionManager;
import java.io.IOException;
import java.net.Inet6Address;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The Arrow Flight SQL endpoint of the server: a Flight server on {@code --flight-port} at the {@code --bind} address,
 * whose calls are authenticated (and given their session) by {@link FlightSessionInterceptor} and answered by
 * {@link SluiceFlightSqlProducer}.
 */
public final class FlightSqlEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FlightSqlEndpoint.class.getName());

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightSessions sessions;
    private final SluiceFlightSqlProducer producer;
    private final FlightServer server;

    /** Starts listening; throws when the port cannot be bound. */
    public FlightSqlEndpoint(ServerOptions options, SessionManager sessionManager, LoginThrottle loginThrottle)
            throws IOException {
        this.sessions = new FlightSessions(sessionManager, options.idleSessionTimeout());
        this.producer = new SluiceFlightSqlProducer(sessions, allocator, options.maxResultRows());
        String host = options.bind().getHostAddress();
        if (options.bind() instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        FlightSessionInterceptor interceptor = new FlightSessionInterceptor(sessions, options.password(),
                loginThrottle);
        Consumer<NettyServerBuilder> addInterceptor = builder -> builder.intercept(interceptor);
        FlightServer s = FlightServer.builder(allocator, Location.forGrpcInsecure(host, options.flightPort()),
                producer).transportHint("grpc.builderConsumer", addInterceptor).build();
        try {
            s.start();
        } catch (IOException e) {
            closeQuietly(s);
            allocator.close();
            throw new IOException("cannot listen for Arrow Flight SQL on " + host + ":" + options.flightPort() + ": "
                    + e.getMessage(), e);
        }
        this.server = s;
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    private static void closeQuietly(FlightServer s) {
        try {
            s.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the Flight server", e);
        }
    }

    /** Stops accepting calls, cancels the queries still streaming, and closes the endpoint's sessions. */
    @Override
    public void close() {
        server.shutdown();
        producer.closeResults();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Flight SQL calls still running after 5 s; closing them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(server);
        sessions.close();
        try {
            producer.close();
            allocator.close();
        } catch (Exception e) { // buffers still held by calls that were cut off
            LOG.log(System.Logger.Level.WARNING, "closing the Flight SQL endpoint: " + e.getMessage());
        }
    }
}
