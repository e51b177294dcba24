package org.iovlab.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The benchmark's wire format. A client opens one TCP connection per test and sends a fixed
 * 32-byte header; then, for a stream test, data until it shuts its output down, after which the
 * receiver answers with what it measured; for a request/response test, requests that the server
 * answers one by one until the client closes.
 */
final class Wire {
    private Wire() {}

    static final int MAGIC = 0x494f5642; // "IOVB"
    static final int HEADER_BYTES = 32;

    enum Kind { STREAM, RR }

    /** What the client asks for. {@code binNanos}: width of the receiver's byte-count time bins. */
    record Header(Kind kind, int requestSize, int responseSize, long binNanos, long startAtNanos) {
        ByteBuffer encode() {
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
            b.putInt(MAGIC).putInt(kind.ordinal()).putInt(requestSize).putInt(responseSize)
                    .putLong(binNanos).putLong(startAtNanos).flip();
            return b;
        }

        static Header decode(ByteBuffer b) throws IOException {
            if (b.getInt() != MAGIC) throw new IOException("not an iovlab benchmark client (bad magic)");
            int kind = b.getInt();
            if (kind < 0 || kind >= Kind.values().length) throw new IOException("unknown test kind " + kind);
            return new Header(Kind.values()[kind], b.getInt(), b.getInt(), b.getLong(), b.getLong());
        }
    }

    /** Reads exactly {@code b.remaining()} bytes; EOF before that is an error naming {@code what}. */
    static void readFully(Link ch, ByteBuffer b, String what) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new EOFException("connection closed by peer while reading " + what);
        }
    }

    static void writeFully(Link ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }
}
