package io.sluice.server.rest;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The web UI's files, served from the class path ({@code io/sluice/server/ui/}): {@code /} is its
 * {@code index.html}, {@code /ui/<name>} the other files (plain names only, so no path leaves that folder).
 */
final class StaticFiles {
    private static final String ROOT = "/io/sluice/server/ui/";
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+$");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private StaticFiles() {
    }

    /** Sends the UI file a GET request names; false when the path is not one of the UI's. */
    static boolean serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name;
        if (path.equals("/") || path.equals("/index.html")) {
            name = "index.html";
        } else if (path.startsWith("/ui/") && NAME.matcher(path.substring(4)).matches()) {
            name = path.substring(4);
        } else {
            return false;
        }
        byte[] bytes;
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return false;
            }
            bytes = in.readAllBytes();
        }
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // the UI loads only its own files and may not be framed by other sites
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self' "
                + "'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return true;
    }
}
