package org.iovlab.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TCP through plain libc calls (socket, connect, accept4, recv, send) by the foreign function
 * API; the JDK 22+ version of the class (the JDK 21 one is never available). A JDK socket
 * channel adds a lock, interruptibility bookkeeping and a JNI transition to every read and
 * write, which on loopback costs about a tenth of a 64-byte round trip; sockperf, the
 * reference, makes one blocking recvfrom and one sendto per message, and so does this.
 *
 * <p>Linux only (the constants below are Linux's, the same on x86-64 and AArch64). Buffer
 * addresses are passed as 64-bit integers, which both ABIs pass exactly as pointers; that
 * keeps the per-call path free of allocation. Blocking calls are never {@code critical}.
 *
 * <p>Longer than the house's 300 lines: the bindings, the connected socket and the listener
 * share the descriptor and errno rules, which read best in one place.
 */
final class NativeTcp {
    private static final int AF_INET = 2, AF_INET6 = 10, SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_ERROR = 4, IPPROTO_TCP = 6, TCP_NODELAY = 1;
    private static final int F_GETFL = 3, F_SETFL = 4, O_NONBLOCK = 0x800, POLLOUT = 4;
    private static final int SHUT_WR = 1, SHUT_RDWR = 2, MSG_NOSIGNAL = 0x4000;
    private static final int EINTR = 4, EAGAIN = 11, EADDRINUSE = 98, EADDRNOTAVAIL = 99, ECONNREFUSED = 111, EINPROGRESS = 115;
    private static final int SOCKADDR_MAX = 128;

    private static final boolean PLATFORM = "Linux".equals(System.getProperty("os.name"))
            && Set.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
    private static final Linker LINKER = PLATFORM ? Linker.nativeLinker() : null;
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = fn("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = fn("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = fn("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CONNECT = fn("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = fn("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = fn("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle ACCEPT4 = fn("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = fn("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle FCNTL = fn("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle POLL = fn("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle RECV = fn("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle SEND = fn("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle SHUTDOWN = fn("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = PLATFORM ? LINKER.defaultLookup().find("strerror")
            .map(a -> LINKER.downcallHandle(a, FunctionDescriptor.of(ADDRESS, JAVA_INT))).orElse(null) : null;

    private static final boolean AVAILABLE = PLATFORM && SOCKET != null && SETSOCKOPT != null && GETSOCKOPT != null
            && CONNECT != null && BIND != null && LISTEN != null && ACCEPT4 != null && GETSOCKNAME != null && FCNTL != null
            && POLL != null && RECV != null && SEND != null && SHUTDOWN != null && CLOSE != null && STRERROR != null;

    private NativeTcp() {}

    /** Every libc call but strerror gets errno captured: its first argument is where to. */
    private static MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... extra) {
        if (!PLATFORM) return null;
        Linker.Option[] opts = java.util.Arrays.copyOf(extra, extra.length + 1);
        opts[extra.length] = ERRNO_OPT;
        return LINKER.defaultLookup().find(name).map(a -> LINKER.downcallHandle(a, d, opts)).orElse(null);
    }

    static boolean available() {
        return AVAILABLE;
    }

    static Link connect(InetSocketAddress to, Duration timeout) throws IOException {
        if (to.isUnresolved()) throw new IOException("cannot connect to " + to + ": unknown host");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cs = a.allocate(CAPTURE), sa = sockaddr(a, to);
            int fd = (int) SOCKET.invokeExact(cs, family(to), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) throw new IOException("cannot connect to " + to + ": socket: " + strerror(errno(cs)));
            boolean ok = false;
            try {
                setInt(a, cs, fd, IPPROTO_TCP, TCP_NODELAY, 1);
                if ((int) CONNECT.invokeExact(cs, fd, sa, (int) sa.byteSize()) < 0) {
                    if (errno(cs) != EINPROGRESS) throw connectFailure(to, errno(cs));
                    awaitConnected(a, cs, fd, to, timeout);
                    int err = getInt(a, cs, fd, SOL_SOCKET, SO_ERROR);
                    if (err != 0) throw connectFailure(to, err);
                }
                int flags = (int) FCNTL.invokeExact(cs, fd, F_GETFL, 0);
                if (flags < 0 || (int) FCNTL.invokeExact(cs, fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
                    throw new IOException("cannot connect to " + to + ": fcntl: " + strerror(errno(cs)));
                }
                ok = true;
                return new Conn(fd, to.toString());
            } finally {
                if (!ok) closeQuietly(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void awaitConnected(Arena a, MemorySegment cs, int fd, InetSocketAddress to, Duration timeout) throws Throwable {
        MemorySegment pfd = a.allocate(8, 4);
        pfd.set(JAVA_INT, 0, fd);
        pfd.set(JAVA_SHORT, 4, (short) POLLOUT);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("no answer from " + to + " within " + timeout.toMillis() + " ms (unreachable peer?)");
            }
            int n = (int) POLL.invokeExact(cs, pfd, 1L, (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            if (n > 0) return;
            if (n < 0 && errno(cs) != EINTR) throw new IOException("cannot connect to " + to + ": poll: " + strerror(errno(cs)));
        }
    }

    private static IOException connectFailure(InetSocketAddress to, int errno) {
        if (errno == ECONNREFUSED) return new IOException("connection to " + to + " refused: is `iovlab bench server` running there?");
        return new IOException("cannot connect to " + to + ": " + strerror(errno));
    }

    static Link.Listener listen(InetSocketAddress bind, int backlog) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cs = a.allocate(CAPTURE), sa = sockaddr(a, bind);
            int fd = (int) SOCKET.invokeExact(cs, family(bind), SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) throw new IOException("socket: " + strerror(errno(cs)));
            boolean ok = false;
            try {
                setInt(a, cs, fd, SOL_SOCKET, SO_REUSEADDR, 1);
                if ((int) BIND.invokeExact(cs, fd, sa, (int) sa.byteSize()) < 0) {
                    int e = errno(cs);
                    String m = strerror(e);
                    throw e == EADDRINUSE || e == EADDRNOTAVAIL ? new BindException(m) : new IOException("bind: " + m);
                }
                if ((int) LISTEN.invokeExact(cs, fd, backlog) < 0) throw new IOException("listen: " + strerror(errno(cs)));
                MemorySegment len = a.allocate(JAVA_INT);
                len.set(JAVA_INT, 0, (int) sa.byteSize());
                if ((int) GETSOCKNAME.invokeExact(cs, fd, sa, len) < 0) throw new IOException("getsockname: " + strerror(errno(cs)));
                ok = true;
                return new Listener(fd, address(sa).getPort());
            } finally {
                if (!ok) closeQuietly(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A listening socket. Only the accepting thread closes the descriptor, so that it is never reused under a blocked accept. */
    private static final class Listener implements Link.Listener {
        private final int fd, port;
        private final AtomicBoolean closing = new AtomicBoolean(), closed = new AtomicBoolean();
        private final Arena arena = Arena.ofShared();
        private final MemorySegment cs = arena.allocate(CAPTURE), peer = arena.allocate(SOCKADDR_MAX, 8),
                peerLen = arena.allocate(JAVA_INT);

        Listener(int fd, int port) {
            this.fd = fd;
            this.port = port;
        }

        @Override
        public Link accept() throws IOException {
            try {
                while (true) {
                    if (closing.get()) throw closedNow();
                    peerLen.set(JAVA_INT, 0, SOCKADDR_MAX);
                    int c = (int) ACCEPT4.invokeExact(cs, fd, peer, peerLen, SOCK_CLOEXEC);
                    if (c >= 0) {
                        try (Arena a = Arena.ofConfined()) {
                            setInt(a, cs, c, IPPROTO_TCP, TCP_NODELAY, 1);
                            return new Conn(c, String.valueOf(address(peer)));
                        } catch (IOException | RuntimeException e) {
                            closeQuietly(c);
                            throw e;
                        }
                    }
                    int e = errno(cs);
                    if (closing.get()) throw closedNow();
                    if (e != EINTR && e != EAGAIN) throw new IOException("accept: " + strerror(e));
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private IOException closedNow() {
            if (closed.compareAndSet(false, true)) {
                closeQuietly(fd);
                arena.close();
            }
            return new java.nio.channels.ClosedChannelException();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean isOpen() {
            return !closing.get();
        }

        /** Wakes a blocked accept (on Linux, shutting a listener down does that), which then closes the descriptor. */
        @Override
        public void close() {
            if (closing.compareAndSet(false, true)) shutdownQuietly(fd, SHUT_RDWR);
        }
    }

    /** A connected socket. The hot calls are unsynchronised; abort and close agree through the lock so that abort never hits a reused descriptor. */
    private static final class Conn implements Link {
        private final int fd;
        private final String peer;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment cs = arena.allocate(CAPTURE);
        private MemorySegment scratch;
        private ByteBuffer buf0, buf1;
        private long base0, base1;
        private boolean closed;

        Conn(int fd, String peer) {
            this.fd = fd;
            this.peer = peer;
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            int len = b.remaining();
            if (len == 0) return 0;
            if (!b.isDirect()) return readViaScratch(b, len);
            try {
                while (true) {
                    long n = (long) RECV.invokeExact(cs, fd, address(b), (long) len, 0);
                    if (n > 0) {
                        b.position(b.position() + (int) n);
                        return (int) n;
                    }
                    if (n == 0) return -1;
                    int e = errno(cs);
                    if (e != EINTR) throw new IOException("read: " + strerror(e));
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public int write(ByteBuffer b) throws IOException {
            int len = b.remaining();
            if (len == 0) return 0;
            if (!b.isDirect()) return writeViaScratch(b, len);
            try {
                while (true) {
                    long n = (long) SEND.invokeExact(cs, fd, address(b), (long) len, MSG_NOSIGNAL);
                    if (n >= 0) {
                        b.position(b.position() + (int) n);
                        return (int) n;
                    }
                    int e = errno(cs);
                    if (e != EINTR) throw new IOException("write: " + strerror(e));
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        /** Heap buffers (headers, figures; never the data) go through a native copy. */
        private int readViaScratch(ByteBuffer b, int len) throws IOException {
            ByteBuffer s = scratch(len).asByteBuffer().limit(len);
            int n = read(s);
            if (n > 0) b.put(s.flip());
            return n;
        }

        private int writeViaScratch(ByteBuffer b, int len) throws IOException {
            ByteBuffer s = scratch(len).asByteBuffer().limit(len);
            s.put(b.duplicate()).flip();
            int n = write(s);
            b.position(b.position() + n);
            return n;
        }

        private MemorySegment scratch(int len) {
            if (scratch == null || scratch.byteSize() < len) scratch = arena.allocate(Math.max(len, 4096), 8);
            return scratch;
        }

        /** The native address of {@code b}'s position; the two buffers last seen are remembered (a request and a response). */
        private long address(ByteBuffer b) {
            if (b == buf0) return base0 + b.position();
            if (b == buf1) return base1 + b.position();
            long base = MemorySegment.ofBuffer(b).address() - b.position();
            buf1 = buf0;
            base1 = base0;
            buf0 = b;
            base0 = base;
            return base + b.position();
        }

        @Override
        public void shutdownOutput() throws IOException {
            try {
                if ((int) SHUTDOWN.invokeExact(cs, fd, SHUT_WR) < 0) throw new IOException("shutdown: " + strerror(errno(cs)));
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public synchronized void abort() {
            if (!closed) shutdownQuietly(fd, SHUT_RDWR);
        }

        @Override
        public String transport() {
            return "libc";
        }

        @Override
        public String peer() {
            return peer;
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            closeQuietly(fd);
            arena.close();
        }
    }

    private static int family(InetSocketAddress a) {
        return a.getAddress().getAddress().length == 4 ? AF_INET : AF_INET6;
    }

    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    private static MemorySegment sockaddr(Arena a, InetSocketAddress to) {
        byte[] ip = to.getAddress().getAddress();
        MemorySegment s = a.allocate(ip.length == 4 ? 16 : 28, 8);
        s.set(JAVA_SHORT, 0, (short) (ip.length == 4 ? AF_INET : AF_INET6));
        s.set(NET_SHORT, 2, (short) to.getPort());
        if (ip.length == 4) {
            MemorySegment.copy(MemorySegment.ofArray(ip), 0, s, 4, 4);
        } else {
            MemorySegment.copy(MemorySegment.ofArray(ip), 0, s, 8, 16);
            if (to.getAddress() instanceof Inet6Address v6) s.set(JAVA_INT, 24, v6.getScopeId());
        }
        return s;
    }

    private static InetSocketAddress address(MemorySegment s) throws IOException {
        int family = s.get(JAVA_SHORT, 0);
        int port = Short.toUnsignedInt(s.get(NET_SHORT, 2));
        byte[] ip = family == AF_INET ? s.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)
                : s.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }

    private static void setInt(Arena a, MemorySegment cs, int fd, int level, int option, int value) throws Throwable {
        MemorySegment v = a.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        if ((int) SETSOCKOPT.invokeExact(cs, fd, level, option, v, 4) < 0) throw new IOException("setsockopt: " + strerror(errno(cs)));
    }

    private static int getInt(Arena a, MemorySegment cs, int fd, int level, int option) throws Throwable {
        MemorySegment v = a.allocate(JAVA_INT), len = a.allocate(JAVA_INT);
        len.set(JAVA_INT, 0, 4);
        if ((int) GETSOCKOPT.invokeExact(cs, fd, level, option, v, len) < 0) throw new IOException("getsockopt: " + strerror(errno(cs)));
        return v.get(JAVA_INT, 0);
    }

    private static int errno(MemorySegment cs) {
        return (int) ERRNO.get(cs, 0L);
    }

    private static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static void shutdownQuietly(int fd, int how) {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) SHUTDOWN.invokeExact(a.allocate(CAPTURE), fd, how);
        } catch (Throwable ignored) {
            // a socket that cannot be shut down is already broken: the blocked call fails anyway
        }
    }

    private static void closeQuietly(int fd) {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(a.allocate(CAPTURE), fd);
        } catch (Throwable ignored) {
            // nothing to do about a failed close of a socket
        }
    }
}
