package org.iovlab.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * TCP through plain libc calls. This is the JDK 21 version, where the foreign function API is
 * still a preview: it is never available and the benchmarks use {@link ChannelLink}. The real
 * one is src/main/java22/org/iovlab/bench/NativeTcp.java, which a multi-release jar picks on
 * JDK 22 and later; both have the same members.
 */
final class NativeTcp {
    private NativeTcp() {}

    static boolean available() {
        return false;
    }

    static Link connect(InetSocketAddress to, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("libc sockets need JDK 22 or later");
    }

    static Link.Listener listen(InetSocketAddress bind, int backlog) throws IOException {
        throw new UnsupportedOperationException("libc sockets need JDK 22 or later");
    }
}
