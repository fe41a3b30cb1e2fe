/*
 * C reference for the Kuramoto ring's deterministic step: the same RK4 scheme and drift as
 * io.phasesweep.kuramoto.KuramotoChain (one sine and one cosine per bond per stage, Gamma(phi) =
 * a sin(phi) + b (1 - cos(phi)), Gaussian quenched frequencies, phase-slip counting after each
 * step), and the same sine and cosine: fdlibm's algorithm (fdlibm_trig.h, the twin of
 * io.phasesweep.math.Fdlibm), so the ratio compares compilers, not libraries. With -DLIBM it
 * calls glibc's sin and cos instead (faster, other bits), for comparison.
 *   usage: kuramoto_rk4 N STEPS      prints: N ns_per_oscillator_step width slips cpu_ns_per_oscillator_step
 * Build: gcc -O3 -march=native -ffp-contract=off -o kuramoto_rk4 kuramoto_rk4.c -lm
 * (no fused multiply-adds: they would round otherwise than Java, which has none here)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "xoshiro.h"
#include "fdlibm_trig.h"
#ifdef LIBM
#define SIN sin
#define COS cos
#else
#define SIN fd_sin
#define COS fd_cos
#endif

static int n;
static double K = 1.0, A = 0.5403023058681398, B = 0.8414709848078965; /* alpha = 1 */

static void drift(const double *omega, const double *th, double *out) {
    memcpy(out, omega, n * sizeof(double));
    for (int i = 0; i < n; i++) {
        int j = i + 1 == n ? 0 : i + 1;
        double phi = th[j] - th[i];
        double sn = K * A * SIN(phi);
        double q = K * B * (1 - COS(phi));
        out[i] += sn + q;
        out[j] += q - sn;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s N STEPS\n", argv[0]); return 2; }
    n = atoi(argv[1]);
    long steps = atol(argv[2]);
    double h = 0.05;
    seed_rng(1);
    double *omega = malloc(n * sizeof(double)), *theta = calloc(n, sizeof(double));
    double *k1 = malloc(n * sizeof(double)), *k2 = malloc(n * sizeof(double)), *k3 = malloc(n * sizeof(double));
    double *k4 = malloc(n * sizeof(double)), *stage = malloc(n * sizeof(double));
    long *branch = calloc(n, sizeof(long)), slips = 0;
    for (int i = 0; i < n; i++) {
        /* Box-Muller: the frequencies are drawn once, outside the timed loop. */
        double u = next_double(), v = next_double();
        omega[i] = 0.1 * sqrt(-2 * log(1 - u)) * cos(2 * M_PI * v);
    }
    struct timespec a, b, ca, cb;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
    for (long t = 0; t < steps; t++) {
        drift(omega, theta, k1);
        for (int i = 0; i < n; i++) stage[i] = theta[i] + 0.5 * h * k1[i];
        drift(omega, stage, k2);
        for (int i = 0; i < n; i++) stage[i] = theta[i] + 0.5 * h * k2[i];
        drift(omega, stage, k3);
        for (int i = 0; i < n; i++) stage[i] = theta[i] + h * k3[i];
        drift(omega, stage, k4);
        for (int i = 0; i < n; i++) theta[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        for (int i = 0; i < n; i++) {
            long k = (long) floor((theta[i + 1 == n ? 0 : i + 1] - theta[i] + M_PI) / (2 * M_PI));
            slips += labs(k - branch[i]);
            branch[i] = k;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    double cpu = (cb.tv_sec - ca.tv_sec) * 1e9 + (cb.tv_nsec - ca.tv_nsec);
    double mean = 0, var = 0;
    for (int i = 0; i < n; i++) mean += theta[i] / n;
    for (int i = 0; i < n; i++) var += (theta[i] - mean) * (theta[i] - mean) / n;
    printf("%d %.4f %.6f %ld %.4f\n", n, ns / ((double) steps * n), sqrt(var), slips, cpu / ((double) steps * n));
    return 0;
}
