package org.iovlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client side of a benchmark, run as its own process inside a node (a VM's or host's
 * namespace): reads one {@link AgentRequest} per line on stdin, runs it, and prints one JSON
 * line with the result ({@code {"ok":...}}) or the failure ({@code {"error":"..."}}). Staying
 * alive between repetitions keeps JVM start-up and JIT warm-up out of the measurements.
 */
public final class BenchAgent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchAgent() {}

    public static void serve(java.io.InputStream in, PrintStream out) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        out.println("{\"ready\":true}");
        out.flush();
        for (String line; (line = r.readLine()) != null; ) {
            Map<String, Object> reply = new LinkedHashMap<>();
            try {
                reply.put("ok", run(JSON.readValue(line, AgentRequest.class)));
            } catch (IOException | RuntimeException e) {
                reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
            }
            out.println(JSON.writeValueAsString(reply));
            out.flush();
        }
    }

    static Object run(AgentRequest q) throws IOException {
        Duration timeout = Duration.ofMillis(q.timeoutMillis());
        return switch (q.op()) {
            case "stream" -> StreamClient.run(Endpoints.parse(q.to()), Duration.ofMillis(q.durationMillis()), q.sendSize(),
                    q.socketBuffer(), q.startAtNanos(), timeout);
            case "rr" -> RrSummary.of(RrClient.run(Endpoints.parse(q.to()), Duration.ofMillis(q.durationMillis()),
                    q.requestSize(), q.responseSize(), timeout));
            default -> throw new IllegalArgumentException("unknown agent operation '" + q.op() + "'");
        };
    }
}
