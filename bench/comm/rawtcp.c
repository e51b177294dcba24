/* A plain TCP ping-pong over loopback, no MPI: the floor a socket transport starts from.
 * Usage: rawtcp s|c MODE PORT SIZE ITERS [rndv]   (start the server "s" first, then the client "c")
 * MODE: spin  (non-blocking, read/write retried at once: how iovlab's tcp backend waits)
 *       poll  (non-blocking, poll() before each read)
 *       block (blocking socket, recv with MSG_WAITALL)
 * rndv: before each message, a 40 B request and a 64 B answer, as Open MPI's TCP transport's
 *       rendezvous does for large messages (and iovlab's tcp backend above 64 KiB)
 * The client prints "rawtcp MODE SIZE halfRttUs=T" for each of 5 timed rounds after a warm-up.
 * Build: gcc -O2 -o rawtcp rawtcp.c */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void send_all(int fd, const char *b, size_t size) {
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, b + done, size - done);
        if (n > 0) done += (size_t)n;
    }
}

static void recv_all(int fd, char *b, size_t size, const char *mode) {
    size_t done = 0;
    while (done < size) {
        if (mode[0] == 'p') {
            struct pollfd p = {fd, POLLIN, 0};
            if (poll(&p, 1, 0) < 1) continue;
        }
        ssize_t n = mode[0] == 'b' ? recv(fd, b + done, size - done, MSG_WAITALL) : read(fd, b + done, size - done);
        if (n > 0) done += (size_t)n;
        else if (n == 0) { fprintf(stderr, "rawtcp: peer closed\n"); exit(1); }
    }
}

static int rndv;

/* The rendezvous before a message: the sender asks (40 B), the receiver answers (64 B). */
static void ask(int fd, const char *mode) {
    char h[64] = {0};
    if (!rndv) return;
    send_all(fd, h, 40);
    recv_all(fd, h, 64, mode);
}

static void answer(int fd, const char *mode) {
    char h[64] = {0};
    if (!rndv) return;
    recv_all(fd, h, 40, mode);
    send_all(fd, h, 64);
}

int main(int argc, char **argv) {
    if (argc != 6 && argc != 7) { fprintf(stderr, "usage: rawtcp s|c spin|poll|block PORT SIZE ITERS [rndv]\n"); return 2; }
    rndv = argc == 7 && strcmp(argv[6], "rndv") == 0;
    int server = argv[1][0] == 's';
    const char *mode = argv[2];
    int port = atoi(argv[3]), iters = atoi(argv[5]);
    size_t size = (size_t)atol(argv[4]);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    a.sin_addr.s_addr = inet_addr("127.0.0.1");
    int one = 1, fd;
    if (server) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 1)) { perror("rawtcp: bind"); return 1; }
        fd = accept(s, 0, 0);
        close(s);
    } else {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        for (int tries = 0; connect(fd, (struct sockaddr *)&a, sizeof a); tries++) {
            if (tries > 500) { perror("rawtcp: connect"); return 1; }
            usleep(10000);
        }
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (mode[0] != 'b') fcntl(fd, F_SETFL, O_NONBLOCK);
    char *b = calloc(size, 1);
    for (int round = 0; round < 6; round++) { /* round 0 warms up */
        double t0 = now_us();
        for (int i = 0; i < iters; i++) {
            if (server) { answer(fd, mode); recv_all(fd, b, size, mode); ask(fd, mode); send_all(fd, b, size); }
            else { ask(fd, mode); send_all(fd, b, size); answer(fd, mode); recv_all(fd, b, size, mode); }
        }
        if (!server && round > 0) printf("rawtcp %s%s %zu halfRttUs=%.3f\n", mode, rndv ? "+rndv" : "", size, (now_us() - t0) / (2.0 * iters));
    }
    close(fd);
    return 0;
}
