package org.iovlab.scenario.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;
import org.iovlab.scenario.SourceMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One YAML text being read into records: SnakeYAML's node tree (which keeps line and column of
 * every value), the problems found so far, and the {@link SourceMap} of every field read, so
 * that later checks can point at lines too. Reading goes on past a problem to find them all.
 */
public final class YamlDocument {
    private final SourceMap sourceMap;
    private final List<Problem> problems = new ArrayList<>();
    private final Node root;

    private YamlDocument(String source, String text) {
        this.sourceMap = new SourceMap(source);
        this.root = compose(text);
    }

    /** Parses {@code text}; a syntax error becomes a problem and {@link #root()} is empty. */
    public static YamlDocument parse(String source, String text) {
        return new YamlDocument(source, text);
    }

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) problems.add(new Problem(sourceMap.source(), 1, 1, "", "the file is empty"));
            return node;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = "YAML syntax error: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
            problems.add(m == null ? new Problem(sourceMap.source(), 0, 0, "", what)
                    : new Problem(sourceMap.source(), m.getLine() + 1, m.getColumn() + 1, "", what));
        } catch (YAMLException e) {
            problems.add(new Problem(sourceMap.source(), 0, 0, "", "YAML error: " + e.getMessage()));
        }
        return null;
    }

    /** The top-level mapping, if the text parsed and is a mapping (else a problem is recorded). */
    public Optional<YamlMap> root() {
        return root == null ? Optional.empty() : YamlMap.of(this, root, "");
    }

    public SourceMap sourceMap() {
        return sourceMap;
    }

    public List<Problem> problems() {
        return problems;
    }

    void problem(Node at, String field, String message) {
        Mark m = at.getStartMark();
        problems.add(new Problem(sourceMap.source(), m.getLine() + 1, m.getColumn() + 1, field, message));
    }

    void remember(String field, Node at) {
        sourceMap.put(field, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1);
    }

    /** Adds {@code more} (e.g. from a semantic check) and throws if any problem was found. */
    public void throwIfProblems(List<Problem> more) {
        problems.addAll(more);
        // In file order, so that a user can walk down the file fixing them.
        problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }
}
