package io.sluice.server.pg;

import io.sluice.server.LoginThrottle;
import io.sluice.server.ServerOptions;
import io.sluice.server.SessionManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL wire-protocol endpoint: accepts connections and serves each on its own thread with its own
 * session. Keeps the BackendKeyData of every live connection so a CancelRequest (which arrives on a new connection)
 * can cancel the statement running on the connection it names.
 */
public final class PgServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgServer.class.getName());

    private final ServerOptions options;
    private final SessionManager sessions;
    private final LoginThrottle loginThrottle;
    private final PgRelations relations = new PgRelations();
    private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger nextProcessId = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();
    private final ServerSocket serverSocket;
    private final Thread acceptor;

    /** Binds the port (from {@code options}) and starts accepting connections. */
    public PgServer(ServerOptions options, SessionManager sessions, LoginThrottle loginThrottle) throws IOException {
        this.options = options;
        this.sessions = sessions;
        this.loginThrottle = loginThrottle;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(options.bind(), options.pgPort()), 128);
        this.acceptor = new Thread(this::acceptLoop, "sluice-pg-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port actually bound (useful when the options asked for port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                int processId = nextProcessId.getAndIncrement();
                PgConnection connection = new PgConnection(socket, this, processId, random.nextInt());
                connections.put(processId, connection);
                Thread t = new Thread(connection, "sluice-pg-" + processId);
                t.setDaemon(true);
                t.start();
            } catch (SocketException e) {
                if (!serverSocket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "accepting a PostgreSQL connection failed", e);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "accepting a PostgreSQL connection failed", e);
            }
        }
    }

    /** CancelRequest: cancels the connection's running statement when the key matches (else ignored, as PG does). */
    void cancel(int processId, int secretKey) {
        PgConnection c = connections.get(processId);
        if (c != null && c.secretKey() == secretKey) {
            c.cancel();
        }
    }

    void unregister(int processId) {
        connections.remove(processId);
    }

    ServerOptions options() {
        return options;
    }

    SessionManager sessions() {
        return sessions;
    }

    LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    PgRelations relations() {
        return relations;
    }

    /** Stops accepting connections; connected clients are served until they disconnect or the JVM ends. */
    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
