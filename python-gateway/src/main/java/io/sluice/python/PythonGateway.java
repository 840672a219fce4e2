package io.sluice.python;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Main class the Python package starts. It listens on a random loopback port, prints
 * {@code SLUICE_GATEWAY <port>} on stdout, accepts one connection whose first frame must be the token given in the
 * environment variable {@code SLUICE_GATEWAY_TOKEN}, and then serves that connection's commands
 * ({@link GatewaySession}). The JVM exits when the connection closes or when its stdin reaches end of file, so a
 * Python process that exits (even when killed) leaves no JVM behind.
 */
public final class PythonGateway {
    private PythonGateway() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("SLUICE_GATEWAY_TOKEN");
        if (token == null || token.isEmpty()) {
            System.err.println("SLUICE_GATEWAY_TOKEN is not set; the gateway is started by the sluice Python package.");
            System.exit(2);
        }
        watchStdin(System.in);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println("SLUICE_GATEWAY " + server.getLocalPort());
            System.out.flush();
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(),
                        1 << 16));
                byte[] first = Frames.read(in);
                if (first == null || !MessageDigest.isEqual(first, token.getBytes(StandardCharsets.UTF_8))) {
                    System.err.println("rejected a connection with a wrong token");
                    System.exit(3);
                }
                new GatewaySession(in, out).serve();
            }
        }
        System.exit(0);
    }

    /** Exits the JVM when the parent process closes our stdin (it exited or was killed). */
    private static void watchStdin(InputStream stdin) {
        Thread t = new Thread(() -> {
            try {
                while (stdin.read() >= 0) {
                    // the parent writes nothing; any byte is ignored
                }
            } catch (IOException ignored) {
                // treated as end of file
            }
            Runtime.getRuntime().halt(0);
        }, "sluice-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
