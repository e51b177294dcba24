package org.iovlab.comm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct, native-order buffers, and the way back from a {@link DoubleBuffer} handed out by
 * {@link #allocateDoubles} to the bytes under it, which transports move without a copy.
 * Java offers no public way from a double view to its bytes, so the views are remembered here
 * by identity (weakly: a dropped buffer is forgotten).
 */
public final class Buffers {
    private static final ReferenceQueue<DoubleBuffer> DROPPED = new ReferenceQueue<>();
    private static final ConcurrentHashMap<Key, ByteBuffer> BYTES = new ConcurrentHashMap<>();

    private Buffers() {}

    public static ByteBuffer allocateBytes(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    public static DoubleBuffer allocateDoubles(int doubles) {
        if (doubles < 0) throw new IllegalArgumentException("buffer size must be >= 0 doubles, got " + doubles);
        if (doubles > Integer.MAX_VALUE / Double.BYTES) {
            throw new IllegalArgumentException("buffer of " + doubles + " doubles exceeds 2 GiB");
        }
        ByteBuffer bytes = allocateBytes(doubles * Double.BYTES);
        DoubleBuffer view = bytes.asDoubleBuffer();
        expunge();
        BYTES.put(new Key(view, DROPPED), bytes);
        return view;
    }

    /**
     * The bytes of {@code view[position, limit)} as a fresh buffer over the same memory, or null
     * if {@code view} did not come from {@link #allocateDoubles}.
     */
    public static ByteBuffer bytesOf(DoubleBuffer view) {
        ByteBuffer all = BYTES.get(new Key(view, null));
        if (all == null) return null;
        return all.slice(view.position() * Double.BYTES, view.remaining() * Double.BYTES).order(ByteOrder.nativeOrder());
    }

    private static void expunge() {
        for (Object k; (k = DROPPED.poll()) != null; ) BYTES.remove(k);
    }

    /** Identity of a view, held weakly. */
    private static final class Key extends WeakReference<DoubleBuffer> {
        private final int hash;

        Key(DoubleBuffer view, ReferenceQueue<DoubleBuffer> queue) {
            super(view, queue);
            this.hash = System.identityHashCode(view);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key k)) return false;
            DoubleBuffer mine = get();
            return mine != null && mine == k.get();
        }
    }
}
