package io.sluice.cli;

import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.internal.JobClientImpl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status lines a script ends with when its jobs' sources met records their format could not decode: per source
 * table, how many went to its bad-records table ({@code 'sluice.bad-records.table'}) and how many were skipped
 * ({@code <format>.ignore-parse-errors}). Jobs run through a gateway report no metrics here.
 */
final class BadRecordsSummary {
    private static final Pattern TABLE = Pattern.compile("table=\\[\\[([^\\]]*)");

    private BadRecordsSummary() {
    }

    /** {@code [INFO]} lines, one per source table with bad records, or the empty string. */
    static String of(List<JobClient> jobs) {
        Map<String, long[]> byTable = new LinkedHashMap<>();
        for (JobClient job : jobs) {
            if (!(job instanceof JobClientImpl local)) {
                continue;
            }
            for (OperatorMetrics m : local.execution().metrics().operators()) {
                if (!m.isSource()) {
                    continue;
                }
                long routed = m.numBadRecordsRouted();
                long skipped = m.numBadRecordsSkipped();
                if (routed + skipped > 0) {
                    long[] counts = byTable.computeIfAbsent(tableOf(m.vertexName()), k -> new long[2]);
                    counts[0] += routed;
                    counts[1] += skipped;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        byTable.forEach((table, counts) -> text.append("[INFO] Bad records of ").append(table).append(": ")
                .append(counts[0]).append(" routed to its bad-records table, ").append(counts[1])
                .append(" skipped.").append(System.lineSeparator()));
        return text.toString();
    }

    /** {@code cat.db.t} from a scan's name {@code TableSourceScan(table=[[cat, db, t]], ...)}, else the name. */
    static String tableOf(String vertexName) {
        Matcher m = TABLE.matcher(vertexName);
        if (!m.find()) {
            return vertexName;
        }
        String[] parts = m.group(1).split(",\\s*");
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : String.join(".", parts);
    }
}
