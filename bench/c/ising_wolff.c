/*
 * C reference for the Wolff single-cluster update of the 2D Ising model: the same algorithm as
 * io.phasesweep.cluster.WolffClusterUpdate.flipIsing (int8 spins, neighbour table, explicit stack,
 * a site is marked by writing its new value) with xoshiro256++.
 * Equilibrates with 20 L^2 flipped spins (as the JMH benchmark), then times clusters until SPINS
 * spins have flipped.
 *   usage: ising_wolff L SPINS      prints: L ns_per_flipped_spin mean_cluster_size cpu_ns_per_flipped_spin
 * Build: gcc -O3 -march=native -o ising_wolff ising_wolff.c -lm
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "xoshiro.h"

static long grow(int8_t *spin, const int *nb, int *stack, long sites, double add) {
    int seed = (int) next_below((uint32_t) sites);
    int8_t from = spin[seed], to = (int8_t) -from;
    spin[seed] = to;
    stack[0] = seed;
    long top = 1, size = 1;
    while (top > 0) {
        const int *n = nb + 4L * stack[--top];
        for (int k = 0; k < 4; k++) {
            int j = n[k];
            if (spin[j] == from && next_double() < add) {
                spin[j] = to;
                stack[top++] = j;
                size++;
            }
        }
    }
    return size;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s L SPINS\n", argv[0]); return 2; }
    int L = atoi(argv[1]);
    long spins = atol(argv[2]);
    long sites = (long) L * L;
    seed_rng(1);
    double beta = log(1.0 + sqrt(2.0)) / 2.0;
    double add = -expm1(-2.0 * beta);
    int8_t *spin = malloc(sites);
    int *nb = malloc(4 * sites * sizeof(int));
    int *stack = malloc(sites * sizeof(int));
    for (long i = 0; i < sites; i++) {
        int x = i % L, y = i / L;
        nb[4 * i] = y * L + (x + 1) % L;
        nb[4 * i + 1] = y * L + (x + L - 1) % L;
        nb[4 * i + 2] = ((y + 1) % L) * L + x;
        nb[4 * i + 3] = ((y + L - 1) % L) * L + x;
        spin[i] = (next() >> 63) ? 1 : -1;
    }
    for (long warm = 0; warm < 20 * sites;) warm += grow(spin, nb, stack, sites, add);
    struct timespec a, b, ca, cb;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
    long flipped = 0, clusters = 0;
    for (; flipped < spins; clusters++) flipped += grow(spin, nb, stack, sites, add);
    clock_gettime(CLOCK_MONOTONIC, &b);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    double cpu = (cb.tv_sec - ca.tv_sec) * 1e9 + (cb.tv_nsec - ca.tv_nsec);
    printf("%d %.4f %.1f %.4f\n", L, ns / (double) flipped, (double) flipped / clusters, cpu / (double) flipped);
    free(spin); free(nb); free(stack);
    return 0;
}
