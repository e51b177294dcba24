package org.iovlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.iovlab.testbed.Leaks;
import org.iovlab.testbed.Testbeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The guide's blocks that need root (testbeds, reproduce), run as the page shows them. They use
 * testbed instances 30-39 only (nothing else in the project does); after each block, whatever
 * the outcome, every one of those instances is taken down and checked to have left nothing.
 */
@Tag("root")
class GuideRootCommandsTest {
    static final int FIRST = 30, LAST = 39;

    @Test
    void rootBlocksUseOnlyInstances30To39() {
        for (GuideDocs.Block b : GuideDocs.read(GuideCommandsTest.REPO).blocks()) {
            for (GuideDocs.Command c : b.commands()) {
                for (int[] range : instances(c)) {
                    assertThat(range[0]).as(c + ": testbed instance").isBetween(FIRST, LAST);
                    assertThat(range[1]).as(c + ": testbed instance").isBetween(FIRST, LAST);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> rootBlocks() {
        return GuideCommandsTest.blocks(GuideDocs.Needs.ROOT).map(t -> DynamicTest.dynamicTest(t.getDisplayName(), () -> {
            try {
                t.getExecutable().execute();
            } finally {
                List<String> left = new ArrayList<>();
                for (int i = FIRST; i <= LAST; i++) {
                    Testbeds.down(Integer.toString(i));
                    left.addAll(Leaks.of(Integer.toString(i)));
                }
                assertThat(left).as("left behind by " + t.getDisplayName()).isEmpty();
            }
        }));
    }

    /** The instance ids a command uses, as ranges: -i/--instance/--testbed ID, and reproduce's BASE..BASE+2. */
    static List<int[]> instances(GuideDocs.Command c) {
        List<int[]> out = new ArrayList<>();
        List<String> a = c.args();
        boolean reproduce = !a.isEmpty() && a.get(0).equals("reproduce");
        for (int i = 0; i + 1 < a.size(); i++) {
            String o = a.get(i);
            if (!o.equals("-i") && !o.equals("--instance") && !o.equals("--testbed")) continue;
            int id = Integer.parseInt(a.get(i + 1));
            out.add(new int[] {id, reproduce ? id + 2 : id});
        }
        if (reproduce && out.isEmpty()) out.add(new int[] {-1, -1}); // the default base is not ours: the guide must name one
        return out;
    }
}
