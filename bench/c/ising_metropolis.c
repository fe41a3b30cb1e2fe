/*
 * C reference for the 2D Ising checkerboard Metropolis sweep: the same algorithm as
 * io.phasesweep.ising.Ising2D.metropolisSweep (int8 spins, sublattice order, periodic wraps,
 * precomputed acceptance table, no random number for downhill moves) with xoshiro256++
 * (Blackman and Vigna) for the uniform doubles.
 *   usage: ising_metropolis L SWEEPS      prints: L ns_per_flip_attempt mean_abs_m cpu_ns_per_flip_attempt
 * Build: gcc -O3 -march=native -o ising_metropolis ising_metropolis.c -lm
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "xoshiro.h"

static void sweep(int8_t *spin, int L, const double *acceptance) {
    for (int parity = 0; parity < 2; parity++) {
        for (int y = 0; y < L; y++) {
            int row = y * L;
            int up = ((y + L - 1) % L) * L;
            int down = ((y + 1) % L) * L;
            for (int x = (y + parity) & 1; x < L; x += 2) {
                int i = row + x;
                int left = x == 0 ? row + L - 1 : i - 1;
                int right = x == L - 1 ? row : i + 1;
                int sp = spin[i];
                int nn = spin[left] + spin[right] + spin[up + x] + spin[down + x];
                double p = acceptance[((sp + 1) >> 1) * 5 + ((nn + 4) >> 1)];
                if (p >= 1.0 || next_double() < p) spin[i] = (int8_t) -sp;
            }
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s L SWEEPS\n", argv[0]); return 2; }
    int L = atoi(argv[1]);
    long sweeps = atol(argv[2]);
    seed_rng(1);
    double beta = log(1.0 + sqrt(2.0)) / 2.0;
    double acceptance[10];
    for (int sp = -1; sp <= 1; sp += 2)
        for (int nn = -4; nn <= 4; nn += 2) {
            double dE = 2.0 * sp * nn;
            acceptance[(sp + 1) / 2 * 5 + (nn + 4) / 2] = dE <= 0 ? 1.0 : exp(-beta * dE);
        }
    int8_t *spin = malloc((size_t) L * L);
    for (long i = 0; i < (long) L * L; i++) spin[i] = (next() >> 63) ? 1 : -1;
    for (int w = 0; w < 200; w++) sweep(spin, L, acceptance);
    struct timespec a, b, ca, cb;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
    double absm = 0;
    for (long k = 0; k < sweeps; k++) {
        sweep(spin, L, acceptance);
        if ((k & 63) == 0) {
            long m = 0;
            for (long i = 0; i < (long) L * L; i++) m += spin[i];
            absm += fabs((double) m / ((double) L * L));
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    double cpu = (cb.tv_sec - ca.tv_sec) * 1e9 + (cb.tv_nsec - ca.tv_nsec);
    printf("%d %.4f %.4f %.4f\n", L, ns / ((double) sweeps * L * L), absm / ((sweeps + 63) / 64), cpu / ((double) sweeps * L * L));
    free(spin);
    return 0;
}
