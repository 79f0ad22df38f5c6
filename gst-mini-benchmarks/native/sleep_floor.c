/*
 * The OS sleep floor as a C program sees it: clock_nanosleep(CLOCK_MONOTONIC, 10 ms) in a
 * loop; lateness = woken - (start + 10 ms). Prints min, median, p90, p99, max in µs and the
 * process CPU as % of one core, in WakeupError's format. Also with the timer slack set to 1 ns
 * (prctl PR_SET_TIMERSLACK; Linux's default slack is 50 µs for normal threads), which a JVM
 * cannot do without native code.
 *
 * Usage: sleep_floor [samples=1000] [warmup=100]
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/resource.h>

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

static double cpu_ns(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e9 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) * 1e3;
}

static void run(const char *what, int total, int warmup) {
    int n = total - warmup;
    int64_t *late = calloc(n, sizeof *late);
    struct timespec d = {0, 10000000};
    int64_t wall0 = 0;
    double cpu0 = 0;
    for (int i = 0; i < total; i++) {
        if (i == warmup) {
            wall0 = now_ns();
            cpu0 = cpu_ns();
        }
        int64_t t0 = now_ns();
        clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL);
        int64_t t1 = now_ns();
        if (i >= warmup) late[i - warmup] = t1 - t0 - 10000000;
    }
    double wall = (double) (now_ns() - wall0);
    double cpu = cpu_ns() - cpu0;
    qsort(late, n, sizeof *late, cmp);
#define P(p) (late[(int) __builtin_ceil((p) / 100.0 * n) - 1] / 1e3)
    printf("%-34s %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f%% %10s\n", what, late[0] / 1e3, P(50), P(90), P(99),
           late[n - 1] / 1e3, 100.0 * cpu / wall, "-");
    free(late);
}

int main(int argc, char **argv) {
    int total = argc > 1 ? atoi(argv[1]) : 1000;
    int warmup = argc > 2 ? atoi(argv[2]) : 100;
    run("C clock_nanosleep(10 ms)", total, warmup);
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    run("C clock_nanosleep(10 ms), slack 1ns", total, warmup);
    return 0;
}
