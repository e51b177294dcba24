package org.iovlab.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a command's output is what the guide shows under it. Lines compare with runs of
 * blanks as one blank and trailing blanks ignored. A line {@code ...} stands for any number of
 * lines; {@code ...} inside a line for any text within that line. Without them the output must
 * match line for line, from its first line to its last (trailing empty lines aside).
 */
final class OutputMatch {
    private OutputMatch() {}

    static final String ELLIPSIS = "...";

    static boolean matches(List<String> expected, String actual) {
        List<String> a = new ArrayList<>(actual.lines().map(OutputMatch::normalize).toList());
        while (!a.isEmpty() && a.get(a.size() - 1).isEmpty()) a.remove(a.size() - 1);
        List<String> e = new ArrayList<>(expected.stream().map(OutputMatch::normalize).toList());
        while (!e.isEmpty() && e.get(e.size() - 1).isEmpty()) e.remove(e.size() - 1);
        if (e.isEmpty()) return true; // nothing shown: nothing to check but the exit code
        return match(e, 0, a, 0, new Boolean[e.size() + 1][a.size() + 1]);
    }

    private static boolean match(List<String> e, int i, List<String> a, int j, Boolean[][] memo) {
        if (memo[i][j] != null) return memo[i][j];
        boolean r;
        if (i == e.size()) r = j == a.size();
        else if (e.get(i).equals(ELLIPSIS)) r = match(e, i + 1, a, j, memo) || j < a.size() && match(e, i, a, j + 1, memo);
        else r = j < a.size() && lineMatches(e.get(i), a.get(j)) && match(e, i + 1, a, j + 1, memo);
        memo[i][j] = r;
        return r;
    }

    /** {@code expected} with {@code ...} as a wildcard within one line, anchored at both ends. */
    static boolean lineMatches(String expected, String actual) {
        String[] parts = expected.split("\\.\\.\\.", -1);
        if (parts.length == 1) return expected.equals(actual);
        if (!actual.startsWith(parts[0])) return false;
        int at = parts[0].length();
        for (int k = 1; k < parts.length - 1; k++) {
            int found = actual.indexOf(parts[k], at);
            if (found < 0) return false;
            at = found + parts[k].length();
        }
        String last = parts[parts.length - 1];
        return actual.length() - last.length() >= at && actual.endsWith(last);
    }

    static String normalize(String line) {
        return line.replaceAll("\\s+", " ").stripTrailing();
    }
}
