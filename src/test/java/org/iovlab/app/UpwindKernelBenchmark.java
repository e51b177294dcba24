package org.iovlab.app;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One upwind sweep over a whole block, single thread: the loop that
 * {@code scripts/bench/kernel-upwind.c} implements in C (same layout, data and coefficients).
 * Score: sweeps per second; Mcells/s = score * cells / 1e6 (the script does the arithmetic).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UpwindKernelBenchmark {
    @Param({"128x128x128", "512x512x64"})
    public String grid;

    @Param({"vector", "scalar"})
    public String stencil;

    private Stencil kernel;
    private Block block;
    private Region region;
    private double[] u, out;

    @Setup
    public void setup() {
        int[] n = java.util.Arrays.stream(grid.split("x")).mapToInt(Integer::parseInt).toArray();
        block = new Block(n[0], n[1], n[2], 0, 0, 0);
        region = block.interior();
        u = block.newArray();
        out = block.newArray();
        KernelChecksum.fill(u);
        kernel = stencil.equals("vector") ? Stencil.best() : new ScalarStencil();
        if (stencil.equals("vector") && kernel instanceof ScalarStencil) {
            throw new IllegalStateException("jdk.incubator.vector is not in the boot layer");
        }
    }

    @Benchmark
    public double[] sweep() {
        kernel.upwind(u, out, block, region, KernelChecksum.CX, KernelChecksum.CY, KernelChecksum.CZ);
        return out;
    }
}
