package io.sluice.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP calls to a Sluice server's Flink SQL Gateway REST API ({@code /v2}) and its job API, with Basic
 * authentication (user {@code sluice}) when a password is given. Errors of the server come back as
 * {@link TableException}s carrying the server's own message.
 */
final class GatewayClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GatewayClient(String endpoint, String password) {
        String url = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.base = URI.create(url);
        this.authorization = password == null || password.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString(("sluice:" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, ObjectNode body) {
        return send("POST", path, body == null ? JSON.createObjectNode() : body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode patch(String path) {
        return send("PATCH", path, JSON.createObjectNode());
    }

    private JsonNode send(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TableException("Cannot reach the Sluice server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException("Interrupted while waiting for the Sluice server at " + base, e);
        }
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TableException("The server at " + base + " answered " + response.statusCode()
                    + " with something that is not JSON: " + abbreviate(response.body()), e);
        }
        if (response.statusCode() == 401) {
            throw new TableException("The Sluice server at " + base + " refused the login: set SLUICE_SERVER_PASSWORD"
                    + " to its password.");
        }
        if (response.statusCode() >= 400) {
            JsonNode errors = json.path("errors");
            String message = errors.isArray() && errors.size() > 0 ? errors.get(errors.size() - 1).asText()
                    : abbreviate(response.body());
            throw new TableException(message);
        }
        return json;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
