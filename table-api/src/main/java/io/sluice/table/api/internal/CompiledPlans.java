package io.sluice.table.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of {@code COMPILE PLAN} and {@code EXECUTE PLAN}: JSON holding the statement that writes to tables
 * and the plan Sluice made for it when it was compiled. Executing a plan plans the statement again and runs it only
 * when the plan is still the same, so a compiled job never runs with a plan that changed under it (because a table
 * it reads changed, or Sluice did): that is refused with a message to compile again.
 */
final class CompiledPlans {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A compiled plan: the statement and its plan text. */
    record Compiled(String statement, String plan) {
    }

    private CompiledPlans() {
    }

    static void write(Path file, Compiled compiled) {
        ObjectNode root = JSON.createObjectNode();
        root.put("sluicePlanVersion", VERSION);
        root.put("flinkVersion", io.sluice.FlinkVersion.current().toString());
        root.put("statement", compiled.statement());
        root.put("plan", compiled.plan());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new TableException("Cannot write the plan file '" + file + "': " + e.getMessage(), e);
        }
    }

    static Compiled read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TableException("The plan file '" + file + "' does not exist.", e);
        } catch (IOException e) {
            throw new TableException("Cannot read the plan file '" + file + "': " + e.getMessage(), e);
        }
        if (root == null || !root.has("sluicePlanVersion") || !root.has("statement") || !root.has("plan")) {
            throw new TableException("'" + file + "' is not a plan file written by COMPILE PLAN.");
        }
        int version = root.get("sluicePlanVersion").asInt();
        if (version != VERSION) {
            throw new TableException("The plan file '" + file + "' has version " + version + "; this Sluice reads"
                    + " version " + VERSION + ". Compile the plan again.");
        }
        return new Compiled(root.get("statement").asText(), root.get("plan").asText());
    }

    /** The Flink version a plan file was compiled for (files written before it was recorded: this Sluice's). */
    static io.sluice.FlinkVersion flinkVersion(Path file) {
        try {
            JsonNode version = JSON.readTree(Files.readString(file)).get("flinkVersion");
            return version == null ? io.sluice.FlinkVersion.current()
                    : io.sluice.FlinkVersion.byCode(version.asText()).orElseThrow(() -> new TableException(
                            "The plan file '" + file + "' names an unknown Flink version " + version.asText() + "."));
        } catch (IOException e) {
            throw new TableException("Cannot read the plan file '" + file + "': " + e.getMessage(), e);
        }
    }
}
