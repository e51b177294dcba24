package org.iovlab.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A child process for {@link ResultsDirTest}: appends records to a results directory until killed. */
public final class AppendLoop {
    public static void main(String[] args) {
        ResultsDir rd = ResultsDir.open(Path.of(args[0]));
        String big = "x".repeat(20_000); // a raw payload large enough that a write takes a while
        for (int i = rd.measurements().size(); ; i++) {
            rd.append(Measurement.of("p" + i, 1, "stream", "native", Map.of(), Map.of("totalMiBps", (double) i), List.of(), List.of(),
                    JsonNodeFactory.instance.objectNode().put("pad", big), Instant.now()));
            if (i == rd.measurements().size() - 1 && i == 0) System.out.println("started");
        }
    }
}
