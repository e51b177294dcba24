package org.iovlab.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.iovlab.comm.Comm;
import org.iovlab.comm.RankProgram;

/**
 * The solver as a {@link RankProgram}, so that process backends start it by class name. Arguments
 * are {@link AdvectConfig#toArgs()} plus optional {@code json=FILE} (rank 0 writes the report
 * there), {@code print=false} (no summary line) and any other {@code key=value} labels, copied into the report's {@code run} section.
 * Rank 0 prints the one-line summary on standard output.
 */
public final class AdvectProgram implements RankProgram {

    @Override
    public void run(Comm comm, String[] args) {
        Map<String, String> rest = new LinkedHashMap<>();
        AdvectConfig config = AdvectConfig.parse(args, rest);
        String json = rest.remove("json");
        boolean print = !"false".equals(rest.remove("print"));
        Optional<AdvectResult> result = AdvectResult.run(comm, config, Stencil.best());
        if (result.isEmpty()) return;
        if (json != null) AdvectReport.writeAtomically(Path.of(json), AdvectReport.json(AdvectReport.toMap(result.get(), rest)));
        if (print) System.out.println(AdvectReport.summary(result.get()));
    }
}
