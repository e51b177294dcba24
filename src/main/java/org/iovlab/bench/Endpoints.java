package org.iovlab.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** Parsing {@code host:port} and connecting with a timeout and a message that says what failed. */
public final class Endpoints {
    private Endpoints() {}

    public static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("expected HOST:PORT such as 198.18.0.2:5201, got '" + text + "'");
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, got " + port);
        return new InetSocketAddress(text.substring(0, colon), port);
    }

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                    .name("iovlab-bench-watchdog").daemon().unstarted(r));

    /**
     * Closes {@code c} if the returned handle is not closed within {@code limit}: a peer that
     * stops answering then fails the blocked read or write instead of hanging the test.
     */
    static AutoCloseable deadline(Link c, Duration limit, Runnable onExpiry) {
        var f = WATCHDOG.schedule(() -> {
            onExpiry.run();
            c.abort();
        }, limit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** A connection for request/response tests: through libc calls where the JDK allows them (22+), else a socket channel. */
    static Link connectForRr(InetSocketAddress to, Duration timeout) throws IOException {
        return NativeTcp.available() ? NativeTcp.connect(to, timeout) : new ChannelLink(connect(to, timeout));
    }

    static SocketChannel connect(InetSocketAddress to, Duration timeout) throws IOException {
        SocketChannel c = SocketChannel.open();
        try {
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.socket().connect(to, (int) Math.max(1, timeout.toMillis()));
            return c;
        } catch (SocketTimeoutException e) {
            c.close();
            throw new IOException("no answer from " + to + " within " + timeout.toMillis() + " ms (unreachable peer?)", e);
        } catch (ConnectException e) {
            c.close();
            throw new IOException("connection to " + to + " refused: is `iovlab bench server` running there?", e);
        } catch (IOException e) {
            c.close();
            throw new IOException("cannot connect to " + to + ": " + e.getMessage(), e);
        }
    }
}
