package org.iovlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iovlab.comm.MpiRequired;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command in the user guide (docs/*.md) that needs no root: run, exit code and output
 * checked against what the page shows (see {@link GuideDocs} for the format). Blocks that need
 * root are run by {@link GuideRootCommandsTest}; blocks that need Open MPI are skipped with the
 * reason printed where it is missing, and fail where it is required (CI).
 */
class GuideCommandsTest {
    static final Path REPO = Path.of("").toAbsolutePath();
    static final GuideDocs DOCS = GuideDocs.read(REPO);

    @Test
    void theGuideIsWhereTheReadmeSaysAndHasCommandsOfEveryKind() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("(docs/guide.md)");
        for (String page : List.of("docs/guide.md", "docs/cluster.md", "docs/reproduce.md")) {
            assertThat(DOCS.blocks()).as("sh blocks in " + page).anyMatch(b -> b.source().startsWith(page + ":"));
        }
        for (GuideDocs.Needs n : GuideDocs.Needs.values()) {
            assertThat(DOCS.blocks()).as("blocks needing " + n).anyMatch(b -> b.needs() == n);
        }
        assertThat(DOCS.blocks().stream().mapToInt(b -> b.commands().size()).sum()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyExampleFileIsShownAsItIs() throws Exception {
        assertThat(DOCS.examples()).isNotEmpty();
        for (GuideDocs.Example e : DOCS.examples()) {
            Path file = REPO.resolve(e.file());
            assertThat(file).as(e.source() + " shows " + e.file()).isRegularFile();
            assertThat(e.text()).as(e.source() + " is " + e.file()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(REPO.resolve("docs/examples"))) {
            List<Path> shown = DOCS.examples().stream().map(GuideDocs.Example::file).toList();
            assertThat(files.map(REPO::relativize).toList()).as("every file in docs/examples is shown in the guide")
                    .allMatch(shown::contains);
        }
    }

    @TestFactory
    Stream<DynamicTest> unprivilegedBlocks() {
        return blocks(GuideDocs.Needs.NOTHING);
    }

    @TestFactory
    Stream<DynamicTest> openMpiBlocks() {
        return DOCS.blocks().stream().filter(b -> b.needs() == GuideDocs.Needs.MPI).map(b -> DynamicTest.dynamicTest(b.source(), () -> {
            MpiRequired.orSkip("guide block " + b.source());
            GuideRunner.run(b);
        }));
    }

    static Stream<DynamicTest> blocks(GuideDocs.Needs needs) {
        List<GuideDocs.Block> bs = DOCS.blocks().stream().filter(b -> b.needs() == needs).toList();
        assertThat(bs).as("guide blocks needing " + needs).isNotEmpty();
        return bs.stream().map(b -> DynamicTest.dynamicTest(b.source(), () -> GuideRunner.run(b)));
    }
}
