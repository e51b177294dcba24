/* Open MPI ping-pong between ranks 0 and 1, the C baseline of the comm benchmark.
 * Usage: pingpong LABEL TRIALS SIZE:ITERS...  (same arguments and output as org.iovlab.comm.bench.PingPong)
 * Build: mpicc -O2 -o pingpong pingpong.c */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void loop(char *buf, int bytes, int iters, int me) {
    int other = 1 - me;
    for (int k = 0; k < iters; k++) {
        if (me == 0) {
            MPI_Send(buf, bytes, MPI_BYTE, other, 0, MPI_COMM_WORLD);
            MPI_Recv(buf, bytes, MPI_BYTE, other, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else {
            MPI_Recv(buf, bytes, MPI_BYTE, other, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, bytes, MPI_BYTE, other, 0, MPI_COMM_WORLD);
        }
    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int me;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    if (argc < 4) {
        if (me == 0) fprintf(stderr, "usage: pingpong LABEL TRIALS SIZE:ITERS...\n");
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    const char *label = argv[1];
    int trials = atoi(argv[2]);
    double *half = malloc(sizeof(double) * trials);
    for (int a = 3; a < argc; a++) {
        int bytes, iters;
        if (sscanf(argv[a], "%d:%d", &bytes, &iters) != 2) MPI_Abort(MPI_COMM_WORLD, 2);
        char *buf = calloc(bytes > 0 ? bytes : 1, 1);
        if (me <= 1) loop(buf, bytes, iters, me);
        for (int t = 0; t < trials; t++) {
            MPI_Barrier(MPI_COMM_WORLD);
            double t0 = MPI_Wtime();
            if (me <= 1) loop(buf, bytes, iters, me);
            half[t] = (MPI_Wtime() - t0) * 1e6 / (2.0 * iters);
        }
        if (me == 0) {
            qsort(half, trials, sizeof(double), cmp);
            double median = half[trials / 2];
            printf("RESULT label=%s bytes=%d iters=%d halfRttUs=%.3f MBps=%.1f\n", label, bytes, iters, median, bytes / median);
            fflush(stdout);
        }
        free(buf);
    }
    free(half);
    MPI_Finalize();
    return 0;
}
