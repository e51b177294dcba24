package org.iovlab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input from the user (a scenario, a placement file, an option): every problem found,
 * not just the first. The CLI maps it to exit code 2 and prints no stack trace.
 */
public class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigException needs a problem");
        this.problems = List.copyOf(problems);
    }

    /** A problem that has no file position (e.g. a command-line option). */
    public ConfigException(String source, String field, String message) {
        this(List.of(new Problem(source, 0, 0, field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
