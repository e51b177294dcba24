package org.iovlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A {@link Link} over a JDK socket channel: the portable path, and the only one before JDK 22. */
record ChannelLink(SocketChannel channel) implements Link {
    @Override
    public int read(ByteBuffer b) throws IOException {
        return channel.read(b);
    }

    @Override
    public int write(ByteBuffer b) throws IOException {
        return channel.write(b);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void abort() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the blocked call reports the failure
        }
    }

    @Override
    public String transport() {
        return "jdk";
    }

    @Override
    public String peer() {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static Link.Listener listen(InetSocketAddress bind, int backlog) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(bind, backlog);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new Link.Listener() {
            @Override
            public Link accept() throws IOException {
                SocketChannel c = ch.accept();
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                return new ChannelLink(c);
            }

            @Override
            public int port() {
                try {
                    return ((InetSocketAddress) ch.getLocalAddress()).getPort();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean isOpen() {
                return ch.isOpen();
            }

            @Override
            public void close() {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a listener cannot fail in a way the caller could act on
                }
            }
        };
    }
}
