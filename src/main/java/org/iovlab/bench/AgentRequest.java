package org.iovlab.bench;

/** One line an orchestrator sends to a {@link BenchAgent}: run one stream or one request/response test. */
public record AgentRequest(String op, String to, long durationMillis, int sendSize, int socketBuffer, int requestSize,
                           int responseSize, long startAtNanos, long timeoutMillis) {

    public static AgentRequest stream(String to, long durationMillis, int sendSize, int socketBuffer, long startAtNanos,
                                      long timeoutMillis) {
        return new AgentRequest("stream", to, durationMillis, sendSize, socketBuffer, 0, 0, startAtNanos, timeoutMillis);
    }

    public static AgentRequest rr(String to, long durationMillis, int requestSize, int responseSize, long timeoutMillis) {
        return new AgentRequest("rr", to, durationMillis, 0, 0, requestSize, responseSize, 0, timeoutMillis);
    }
}
