package org.iovlab.comm.tcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The wire format: a 16-byte header (kind, tag, payload length; little-endian) and the payload. */
final class Frame {
    static final int HEADER = 16;
    static final int DATA = 1;
    /** This rank has finished; it sends nothing more. */
    static final int BYE = 2;
    /** This rank ends the job; the payload is the reason (UTF-8). */
    static final int ABORT = 3;
    /**
     * Announces a large message (ready to send): its tag, and in the length field the whole
     * message's length; no payload.
     */
    static final int RTS = 4;
    /** Asks for announced message number {@code tag} (clear to send); no payload. */
    static final int CTS = 5;
    /** Announced message number {@code tag}, whole. */
    static final int BULK = 6;

    private Frame() {}

    static ByteBuffer header(int kind, int tag, long length) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(kind).putInt(tag).putLong(length).flip();
        return h;
    }
}
