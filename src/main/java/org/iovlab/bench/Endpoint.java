package org.iovlab.bench;

import java.util.List;

/**
 * Where one side of a test runs: a node name for the tables, the argv prefix that starts a
 * process there (empty on this machine's own namespace), and the address others reach it at.
 */
public record Endpoint(String node, List<String> prefix, String address, int serverPort) {
    public Endpoint {
        prefix = List.copyOf(prefix);
    }

    public Endpoint(String node, List<String> prefix, String address) {
        this(node, prefix, address, 0);
    }

    /** A receiver where {@code iovlab bench server} already runs (e.g. on another machine): nothing is started there. */
    public static Endpoint remote(String hostPort) {
        var a = Endpoints.parse(hostPort);
        return new Endpoint(hostPort, List.of(), a.getHostString(), a.getPort());
    }

    public boolean external() {
        return serverPort > 0;
    }

    public static Endpoint local(String node) {
        return new Endpoint(node, List.of(), "127.0.0.1");
    }
}
