package org.iovlab.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guide's command format and output matching, so that a wrong guide cannot pass. */
class GuideFormatTest {

    static GuideDocs parse(String... lines) {
        List<GuideDocs.Block> blocks = new ArrayList<>();
        List<GuideDocs.Example> examples = new ArrayList<>();
        GuideDocs.parse("t.md", List.of(lines), blocks, examples);
        return new GuideDocs(blocks, examples);
    }

    @Test
    void commandsOutputsExitCodesAndBackground() {
        GuideDocs d = parse("text", "```sh root", "$ iovlab bench server --bind 127.0.0.1:1 &", "listening",
                "$ iovlab scenario show 'a b.yaml'   # exit 2", "iovlab: 1 error:", "...", "```", "```yaml",
                "# docs/examples/x.yaml", "a: 1", "```");
        GuideDocs.Block b = d.blocks().get(0);
        assertThat(b.needs()).isEqualTo(GuideDocs.Needs.ROOT);
        assertThat(b.commands()).hasSize(2);
        assertThat(b.commands().get(0).background()).isTrue();
        assertThat(b.commands().get(0).args()).containsExactly("bench", "server", "--bind", "127.0.0.1:1");
        assertThat(b.commands().get(1).args()).containsExactly("scenario", "show", "a b.yaml");
        assertThat(b.commands().get(1).exit()).isEqualTo(2);
        assertThat(b.commands().get(1).output()).containsExactly("iovlab: 1 error:", "...");
        assertThat(d.examples()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("# docs/examples/x.yaml\na: 1\n"));
    }

    @Test
    void refusesWhatAShellWouldReadDifferentlyAndCommandsThatAreNotRun() {
        assertThatThrownBy(() -> parse("```sh", "$ iovlab plan --svg $HOME/x.svg", "```")).hasMessageContaining("'$'");
        assertThatThrownBy(() -> parse("```sh", "$ iovlab plan > x", "```")).hasMessageContaining("'>'");
        assertThatThrownBy(() -> parse("```sh", "$ mpirun -np 2 foo", "```")).hasMessageContaining("only `$ iovlab");
        assertThatThrownBy(() -> parse("```sh", "no command", "```")).hasMessageContaining("output before any command");
        assertThatThrownBy(() -> parse("```sh gpu", "$ iovlab plan", "```")).hasMessageContaining("unknown sh block kind");
        assertThatThrownBy(() -> parse("```sh", "$ iovlab plan # a note", "```")).hasMessageContaining("# exit N");
    }

    @Test
    void outputMatchesLineForLineWithEllipses() {
        String out = "PAIR   MiB/s\nnode1->node3   152.6   23.0%\ntotal 313.8\n\n";
        assertThat(OutputMatch.matches(List.of("PAIR MiB/s", "node1->node3 ...", "total ..."), out)).isTrue();
        assertThat(OutputMatch.matches(List.of("PAIR MiB/s", "..."), out)).isTrue();
        assertThat(OutputMatch.matches(List.of("...", "total 313.8"), out)).isTrue();
        assertThat(OutputMatch.matches(List.of(), out)).isTrue();
        // not in the output, out of order, a missing tail or head, a wildcard that does not fit
        assertThat(OutputMatch.matches(List.of("PAIR MiB/s", "node1->node4 ...", "total ..."), out)).isFalse();
        assertThat(OutputMatch.matches(List.of("total ...", "..."), out)).isFalse();
        assertThat(OutputMatch.matches(List.of("PAIR MiB/s", "node1->node3 ..."), out)).isFalse();
        assertThat(OutputMatch.matches(List.of("node1->node3 ...", "..."), out)).isFalse();
        assertThat(OutputMatch.lineMatches("a ... c", "a b c")).isTrue();
        assertThat(OutputMatch.lineMatches("a ... c", "a b c d")).isFalse();
        assertThat(OutputMatch.lineMatches("ab...ba", "aba")).isFalse();
    }
}
