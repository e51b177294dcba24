package org.iovlab.comm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.iovlab.comm.shm.ShmFabric;
import org.junit.jupiter.api.Test;

class TransportCommTest {
    private final TransportComm comm = new TransportComm(new ShmFabric(2, Duration.ofSeconds(5)).transport(0));

    @Test
    void badArgumentsAreIllegalArgumentsWithClearMessages() {
        double[] a = new double[4];
        assertThatThrownBy(() -> comm.send(a, 0, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("destination rank 2 is outside [0, 2)");
        assertThatThrownBy(() -> comm.recv(a, 0, 1, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source rank -1 is outside [0, 2)");
        assertThatThrownBy(() -> comm.send(a, 0, 1, 1, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag -3 is outside [0, 32000)");
        assertThatThrownBy(() -> comm.send(a, 0, 1, 1, Comm.TAG_LIMIT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag 32000 is outside [0, 32000)");
        assertThatThrownBy(() -> comm.send(a, 2, 3, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("send range [2, 5) is outside the array of length 4");
        assertThatThrownBy(() -> comm.recv(a, 0, -1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receive count must be >= 0, got -1");
        assertThatThrownBy(() -> comm.isend(null, 1, 0)).isInstanceOf(NullPointerException.class)
                .hasMessage("send buffer");
        assertThatThrownBy(() -> comm.irecv(comm.allocate(2).asReadOnlyBuffer(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("receive buffer is read-only");
        assertThatThrownBy(() -> comm.allocate(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffer size must be >= 0 doubles, got -1");
    }

    @Test
    void allocateGivesDirectNativeBuffersWhoseBytesAreFound() {
        var b = comm.allocate(8);
        assertThat(b.isDirect()).isTrue();
        assertThat(b.order()).isEqualTo(java.nio.ByteOrder.nativeOrder());
        b.put(5, 2.5);
        b.position(5).limit(6);
        var bytes = Buffers.bytesOf(b);
        assertThat(bytes.remaining()).isEqualTo(8);
        assertThat(bytes.getDouble(0)).isEqualTo(2.5);
        assertThat(Buffers.bytesOf(java.nio.DoubleBuffer.allocate(3))).isNull();
    }

    @Test
    void backendNamesParse() {
        assertThat(Backend.parse(" TCP")).isEqualTo(Backend.TCP);
        assertThatThrownBy(() -> Backend.parse("udp")).hasMessage("unknown comm backend 'udp'; expected shm, tcp or mpi");
    }

    @Test
    void jobArgumentsAreCheckedBeforeAnythingStarts() {
        assertThatThrownBy(() -> Jobs.run(Backend.SHM, 0, ConformancePrograms.Crash.class, new String[0], JobOptions.defaults()))
                .hasMessage("a job needs at least 1 rank, got 0");
        assertThatThrownBy(() -> Jobs.run(Backend.SHM, 2, ConformancePrograms.Crash.class, new String[0],
                JobOptions.defaults().withRankPrefixes(java.util.List.of(java.util.List.of("taskset", "-c", "0")))))
                .hasMessage("1 rank prefixes for 2 ranks");
    }
}
