package io.sluice.planner.translate;

import io.sluice.runtime.operator.match.AfterMatchSkip;
import io.sluice.runtime.operator.match.PatternElement;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * The PATTERN of a MATCH_RECOGNIZE as Flink supports it: a concatenation of variables, each with an optional
 * quantifier ({@code * + ? {n} {n,} {n,m} {,m}}, greedy or reluctant). Groups, alternation ({@code |}),
 * {@code PERMUTE} and exclusion are rejected, as are patterns Flink rejects (a greedy quantifier on the last
 * variable, the reluctant optional quantifier, patterns that can match no row, a variable used twice).
 */
final class MatchPattern {
    private MatchPattern() {
    }

    static List<PatternElement> elements(RexNode pattern) {
        List<PatternElement> out = new ArrayList<>();
        flatten(pattern, out);
        Set<String> names = new HashSet<>();
        boolean allOptional = true;
        for (PatternElement e : out) {
            if (!names.add(e.variable())) {
                throw new TableException("Pattern variables must be unique. That might change in the future.");
            }
            allOptional &= e.min() == 0;
        }
        if (allOptional) {
            throw new TableException("Patterns that can produce empty matches are not supported. There must be"
                    + " at least one non-optional state.");
        }
        PatternElement last = out.get(out.size() - 1);
        if (last.greedy()) {
            throw new TableException("Greedy quantifiers are not allowed as the last element of a Pattern yet. "
                    + "Finish your pattern with either a simple variable or reluctant quantifier.");
        }
        return out;
    }

    private static void flatten(RexNode node, List<PatternElement> out) {
        if (node instanceof RexLiteral lit) {
            out.add(new PatternElement(lit.getValueAs(String.class), 1, 1, false));
            return;
        }
        RexCall call = (RexCall) node;
        switch (call.getKind()) {
            case PATTERN_CONCAT:
                for (RexNode o : call.getOperands()) {
                    flatten(o, out);
                }
                return;
            case PATTERN_QUANTIFIER: {
                RexNode inner = call.getOperands().get(0);
                if (!(inner instanceof RexLiteral)) {
                    throw new UnsupportedFeatureException("quantifiers on groups of a MATCH_RECOGNIZE pattern");
                }
                int min = ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
                int max = ((RexLiteral) call.getOperands().get(2)).getValueAs(Integer.class);
                boolean reluctant = ((RexLiteral) call.getOperands().get(3)).getValueAs(Boolean.class);
                if (max == 0) {
                    throw new ValidationException("The maximum of a pattern quantifier must be greater than 0");
                }
                if (reluctant && min == 0 && max == 1) {
                    throw new TableException("Reluctant optional variables are not supported yet.");
                }
                // As in Flink, only quantifiers of variable length that may loop are greedy: an optional variable
                // (?) explores both taking and skipping the row.
                boolean greedy = !reluctant && min != max && !(min == 0 && max == 1);
                out.add(new PatternElement(((RexLiteral) inner).getValueAs(String.class), min, max, greedy));
                return;
            }
            case PATTERN_ALTER:
                throw new UnsupportedFeatureException("alternation (|) in a MATCH_RECOGNIZE pattern");
            case PATTERN_PERMUTE:
                throw new UnsupportedFeatureException("PERMUTE in a MATCH_RECOGNIZE pattern");
            case PATTERN_EXCLUDED:
                throw new UnsupportedFeatureException("exclusion {- -} in a MATCH_RECOGNIZE pattern");
            default:
                throw new UnsupportedFeatureException("the pattern operator " + call.getOperator().getName()
                        + " in MATCH_RECOGNIZE");
        }
    }

    private static final java.util.regex.Pattern FIELD_REF = java.util.regex.Pattern.compile("\\.\\$(\\d+)");

    /** An expression's text with pattern field references by name ({@code A.price} instead of {@code A.$2}). */
    private static String named(RexNode e, RowType input) {
        java.util.regex.Matcher m = FIELD_REF.matcher(e.toString());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(
                    "." + (i < input.size() ? input.name(i) : "$" + i)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The plan-node text: {@code Match(partitionBy=[..], orderBy=[..], measures=[..], ...)}. */
    static String describe(Match match, RowType input, List<PatternElement> pattern, AfterMatchSkip skip,
            long within) {
        StringBuilder sb = new StringBuilder("Match(");
        List<String> keys = new ArrayList<>();
        for (int k : match.getPartitionKeys()) {
            keys.add(input.name(k));
        }
        sb.append("partitionBy=[").append(String.join(", ", keys)).append("], orderBy=[");
        List<String> order = new ArrayList<>();
        for (RelFieldCollation c : match.getOrderKeys().getFieldCollations()) {
            order.add(input.name(c.getFieldIndex()) + (c.getDirection().isDescending() ? " DESC" : " ASC"));
        }
        sb.append(String.join(", ", order)).append("], measures=[");
        List<String> measures = new ArrayList<>();
        for (Map.Entry<String, RexNode> m : match.getMeasures().entrySet()) {
            measures.add(named(m.getValue(), input) + " AS " + m.getKey());
        }
        sb.append(String.join(", ", measures)).append("], rowsPerMatch=[ONE ROW PER MATCH], after=[");
        switch (skip.kind()) {
            case PAST_LAST_ROW:
                sb.append("SKIP PAST LAST ROW");
                break;
            case TO_NEXT_ROW:
                sb.append("SKIP TO NEXT ROW");
                break;
            default:
                sb.append(skip.kind() == AfterMatchSkip.Kind.TO_FIRST ? "SKIP TO FIRST " : "SKIP TO LAST ")
                        .append(pattern.get(skip.element()).variable());
        }
        List<String> vars = new ArrayList<>();
        for (PatternElement e : pattern) {
            vars.add(e.toString());
        }
        sb.append("], pattern=[").append(String.join(" ", vars)).append(']');
        if (within > 0) {
            sb.append(", within=[").append(within).append("ms]");
        }
        List<String> defines = new ArrayList<>();
        for (Map.Entry<String, RexNode> d : match.getPatternDefinitions().entrySet()) {
            defines.add(d.getKey() + " AS " + named(d.getValue(), input));
        }
        sb.append(", define=[").append(String.join(", ", defines)).append("])");
        return sb.toString();
    }
}
