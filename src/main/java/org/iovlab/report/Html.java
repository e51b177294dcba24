package org.iovlab.report;

/** HTML escaping and the anchors that link numbers to their records. */
final class Html {
    private Html() {}

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The element id of a record's appendix row: "rec-" and the id with every character outside [A-Za-z0-9_-] as '_'. */
    static String anchor(String recordId) {
        return "rec-" + recordId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
