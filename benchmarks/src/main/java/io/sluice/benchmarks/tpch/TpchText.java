package io.sluice.benchmarks.tpch;

import java.util.SplittableRandom;

/**
 * The fixed value lists of the TPC-H specification (clause 4.2.2.13 and 4.2.3) and a comment text
 * generator in the spirit of its grammar: sentences of nouns, verbs, adjectives, adverbs, prepositions
 * and terminators drawn from the specification's word lists. The text is not dbgen's byte stream, but its
 * words (and so the patterns the queries look for, such as {@code special ... requests}) are the same.
 */
final class TpchText {
    static final String[] COLORS = {"almond", "antique", "aquamarine", "azure", "beige", "bisque", "black",
        "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate",
        "coral", "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick",
        "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot",
        "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta",
        "maroon", "medium", "metallic", "midnight", "mint", "misty", "moccasin", "navajo", "navy", "olive",
        "orange", "orchid", "pale", "papaya", "peach", "peru", "pink", "plum", "powder", "puff", "purple", "red",
        "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell", "sienna", "sky", "slate", "smoke",
        "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise", "violet", "wheat", "white",
        "yellow"};
    static final String[] TYPE_1 = {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"};
    static final String[] TYPE_2 = {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"};
    static final String[] TYPE_3 = {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"};
    static final String[] CONTAINER_1 = {"SM", "LG", "MED", "JUMBO", "WRAP"};
    static final String[] CONTAINER_2 = {"CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"};
    static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"};
    static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
    static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
    static final String[] REGIONS = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
    static final String[] NATIONS = {"ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA", "FRANCE",
        "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO", "MOZAMBIQUE",
        "PERU", "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM", "UNITED STATES"};
    static final int[] NATION_REGION = {0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1};

    private static final String[] NOUNS = {"foxes", "ideas", "theodolites", "pinto beans", "instructions",
        "dependencies", "excuses", "platelets", "asymptotes", "courts", "dolphins", "multipliers", "sauternes",
        "warthogs", "frets", "dinos", "attainments", "somas", "Tiresias'", "patterns", "forges", "braids",
        "hockey players", "frays", "warhorses", "dugouts", "notornis", "epitaphs", "pearls", "tithes", "waters",
        "orbits", "gifts", "sheaves", "depths", "sentiments", "decoys", "realms", "pains", "grouches", "escapades",
        "accounts", "deposits", "packages", "requests", "packages", "requests", "accounts", "deposits"};
    private static final String[] VERBS = {"sleep", "wake", "are", "cajole", "haggle", "nag", "use", "boost",
        "affix", "detect", "integrate", "maintain", "nod", "was", "lose", "sublate", "solve", "thrash", "promise",
        "engage", "hinder", "print", "x-ray", "breach", "eat", "grow", "impress", "mold", "poach", "serve", "run",
        "dazzle", "snooze", "doze", "unwind", "kindle", "play", "hang", "believe", "doubt"};
    private static final String[] ADJECTIVES = {"furious", "sly", "careful", "blithe", "quick", "fluffy", "slow",
        "quiet", "ruthless", "thin", "close", "dogged", "daring", "brave", "stealthy", "permanent", "enticing",
        "idle", "busy", "regular", "final", "ironic", "even", "bold", "silent", "express", "special", "pending",
        "unusual"};
    private static final String[] ADVERBS = {"sometimes", "always", "never", "furiously", "slyly", "carefully",
        "blithely", "quickly", "fluffily", "slowly", "quietly", "ruthlessly", "thinly", "closely", "doggedly",
        "daringly", "bravely", "stealthily", "permanently", "enticingly", "idly", "busily", "regularly",
        "finally", "ironically", "evenly", "boldly", "silently"};
    private static final String[] PREPOSITIONS = {"about", "above", "according to", "across", "after", "against",
        "along", "alongside of", "among", "around", "at", "atop", "before", "behind", "beneath", "beside",
        "besides", "between", "beyond", "by", "despite", "during", "except", "for", "from", "in place of",
        "inside", "instead of", "into", "near", "of", "on", "outside", "over", "past", "since", "through",
        "throughout", "to", "toward", "under", "until", "up", "upon", "without", "with", "within"};
    private static final String[] TERMINATORS = {".", ";", ":", "?", "!", "--"};

    private TpchText() {
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Appends a comment of a length drawn from {@code [min, max]}: sentences of the grammar's words, cut. */
    static void comment(SplittableRandom random, int min, int max, StringBuilder out) {
        int length = min + random.nextInt(max - min + 1);
        int start = out.length();
        while (out.length() - start < length) {
            if (out.length() > start) {
                out.append(' ');
            }
            sentence(random, out);
        }
        out.setLength(start + length);
        if (out.charAt(out.length() - 1) == ' ') {
            out.setCharAt(out.length() - 1, '.');
        }
    }

    private static void sentence(SplittableRandom random, StringBuilder out) {
        // noun phrase, verb phrase, optional prepositional phrase, terminator
        int form = random.nextInt(4);
        if (form >= 2) {
            out.append(pick(random, ADJECTIVES)).append(' ');
        }
        if (form == 3) {
            out.append(pick(random, ADJECTIVES)).append(' ');
        }
        out.append(pick(random, NOUNS)).append(' ');
        if (random.nextBoolean()) {
            out.append(pick(random, ADVERBS)).append(' ');
        }
        out.append(pick(random, VERBS));
        if (random.nextBoolean()) {
            out.append(' ').append(pick(random, PREPOSITIONS)).append(" the ")
                .append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS));
        }
        out.append(pick(random, TERMINATORS));
    }

    /** Appends a random string of letters, digits, commas and periods of a length in {@code [min, max]}. */
    static void vstring(SplittableRandom random, int min, int max, StringBuilder out) {
        final String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.";
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }
}
