package org.iovlab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One connected TCP socket as the benchmarks use it: blocking reads and writes of buffers.
 * Two kinds: a JDK {@link java.nio.channels.SocketChannel} ({@link ChannelLink}) and, from
 * JDK 22 on, plain libc calls ({@link NativeTcp}), which spare the request/response loop the
 * JDK's per-call locking and bookkeeping.
 */
interface Link extends AutoCloseable {
    /** Reads at most {@code b.remaining()} bytes, at least one; -1 at end of stream. */
    int read(ByteBuffer b) throws IOException;

    /** Writes some of {@code b.remaining()} bytes (blocking until at least one). */
    int write(ByteBuffer b) throws IOException;

    void shutdownOutput() throws IOException;

    /** From any thread: makes blocked and later reads and writes fail or end; the owner still closes. */
    void abort();

    /** What carries the bytes ("jdk" socket channel or "libc" calls), recorded with rr results. */
    String transport();

    /** The peer's address, for messages. */
    String peer();

    @Override
    void close() throws IOException;

    /** The listening side. */
    interface Listener extends AutoCloseable {
        /** Blocks until a peer connects; TCP_NODELAY is set on what it returns. Fails once closed. */
        Link accept() throws IOException;

        int port();

        boolean isOpen();

        @Override
        void close();
    }
}
