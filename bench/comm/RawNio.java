import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A plain Java NIO ping-pong over a loopback socket, no iovlab: the floor a Java socket transport
 * starts from, beside rawtcp.c (the same in C). Before each message a 16 B request and a 16 B
 * answer, as the tcp backend's rendezvous above 64 KiB; then a 16 B header and the message. Non-blocking
 * and spinning on read and write, as the tcp backend waits.
 *   java bench/comm/RawNio.java s|c PORT SIZE ITERS     (start the server "s" first)
 * Options (-D before the file name), each one thing the tcp backend does that this loop does not:
 *   -Dsel=true     the socket registered with a selector, selectNow every 16th empty read
 *   -Dstage=true   the header and the first bytes read through a 16 KiB staging buffer
 *   -Dgather=true  header and message written by one gathering write
 * The client prints "rawnio SIZE halfRttUs=T" for the last 5 of 40 rounds (35 warm up).
 */
public class RawNio {
    static final boolean SEL = Boolean.getBoolean("sel"), STAGE = Boolean.getBoolean("stage"), GATHER = Boolean.getBoolean("gather");
    static SocketChannel c;
    static Selector sel;
    static int polls;
    static final ByteBuffer hdr = ByteBuffer.allocateDirect(16), staging = ByteBuffer.allocateDirect(16384);

    static void idle() throws Exception {
        if (SEL && (++polls & 15) == 0 && sel.selectNow() > 0) sel.selectedKeys().clear();
    }

    static void sendAll(ByteBuffer b) throws Exception {
        b.clear();
        while (b.hasRemaining()) c.write(b);
    }

    static void sendFrame(ByteBuffer b) throws Exception {
        b.clear();
        hdr.clear();
        if (GATHER) {
            ByteBuffer[] f = {hdr, b};
            while (b.hasRemaining()) c.write(f);
        } else {
            sendAll(hdr);
            sendAll(b);
        }
    }

    static void fill(ByteBuffer b) throws Exception {
        while (b.hasRemaining()) {
            int n = c.read(b);
            if (n < 0) throw new IllegalStateException("peer closed");
            if (n == 0) idle();
        }
    }

    static void recvAll(ByteBuffer b) throws Exception {
        b.clear();
        fill(b);
    }

    static void recvFrame(ByteBuffer b) throws Exception {
        b.clear();
        if (STAGE) {
            staging.clear();
            while (staging.position() < 16) if (c.read(staging) == 0) idle();
            int k = Math.min(staging.position() - 16, b.remaining());
            b.put(staging.slice(16, k));
        } else {
            recvAll(hdr);
        }
        fill(b);
    }

    public static void main(String[] a) throws Exception {
        boolean server = a[0].equals("s");
        int port = Integer.parseInt(a[1]), size = Integer.parseInt(a[2]), iters = Integer.parseInt(a[3]);
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", port);
        if (server) {
            try (ServerSocketChannel s = ServerSocketChannel.open()) {
                s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                s.bind(at);
                c = s.accept();
            }
        } else {
            for (int tries = 0; c == null; tries++) {
                try {
                    c = SocketChannel.open(at);
                } catch (java.io.IOException e) {
                    if (tries > 500) throw e;
                    Thread.sleep(10);
                }
            }
        }
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.configureBlocking(false);
        if (SEL) {
            sel = Selector.open();
            c.register(sel, SelectionKey.OP_READ);
        }
        ByteBuffer b = ByteBuffer.allocateDirect(size), ask = ByteBuffer.allocateDirect(16), answer = ByteBuffer.allocateDirect(16);
        for (int round = 0; round < 40; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                if (server) {
                    recvAll(ask); sendAll(answer); recvFrame(b);
                    sendAll(ask); recvAll(answer); sendFrame(b);
                } else {
                    sendAll(ask); recvAll(answer); sendFrame(b);
                    recvAll(ask); sendAll(answer); recvFrame(b);
                }
            }
            if (!server && round >= 35) System.out.printf("rawnio %d halfRttUs=%.3f%n", size, (System.nanoTime() - t0) / 2e3 / iters);
        }
        c.close();
    }
}
