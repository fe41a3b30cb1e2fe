/*
 * C reference for the Wolff single-cluster update of the 2D Ising model: the same algorithm as
 * io.phasesweep.cluster.WolffClusterUpdate.flipIsing (int8 spins, neighbour table, explicit stack,
 * a site marked on entry, given its new value when popped, the bond change kept from the spins
 * read and the draws made) with xoshiro256++, and the same random
 * numbers as bench's WolffBenchmark: seed 1, one draw's sign bit per spin for the random start,
 * the seed site by Commons RNG's nextInt(n) (Lemire's method on 32-bit halves of a draw, the low
 * half first), the add test on a draw's top 53 bits. Equilibrates with 20 L^2 flipped spins, then
 * times clusters until SPINS spins have flipped: the clusters the Java benchmark times.
 *   usage: ising_wolff L SPINS      prints: L ns_per_flipped_spin mean_cluster_size cpu_ns_per_flipped_spin
 *                                           flipped clusters
 * Build: gcc -O3 -march=native -o ising_wolff ising_wolff.c -lm
 * With -DDOUBLE_COMPARE the add test converts the draw to a double and compares it with p, as this
 * reference did before (the same decisions, the same clusters, a slower test), for comparison.
 * Java's square-lattice loop (WolffClusterUpdate.growIsingSquare: the generator in registers, as gcc
 * keeps it here) also reads a site's four neighbours before visiting them and sums seen and the
 * pushes in one long; both measured slower in this C (gcc 12 -O3, the same clusters: about +1-2 ns
 * per flipped spin at L = 64 and 1024, 2026-12-03), so this loop keeps the form that is fastest here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "xoshiro.h"

/* Commons RNG's LongProvider.nextInt(): the low half of a fresh draw, then its high half. */
static int64_t int_source = -1;
static uint32_t next_int32(void) {
    if (int_source >= 0) {
        uint32_t v = (uint32_t) int_source;
        int_source = -1;
        return v;
    }
    uint64_t v = next();
    int_source = (int64_t) (v >> 32);
    return (uint32_t) v;
}

/* UniformRandomProvider.nextInt(n): Lemire's multiply-shift with rejection. */
static uint32_t next_int_below(uint32_t n) {
    uint64_t m = (uint64_t) next_int32() * n;
    uint32_t l = (uint32_t) m;
    if (l < n) {
        uint32_t t = (uint32_t) ((1ULL << 32) % n);
        while (l < t) {
            m = (uint64_t) next_int32() * n;
            l = (uint32_t) m;
        }
    }
    return (uint32_t) (m >> 32);
}

/* Sum over bonds of s_i s_j, kept as the Java model keeps it (WolffClusterUpdate.bondChange). */
static long bonds;
/* The add probability itself, for -DDOUBLE_COMPARE. */
static double add_probability;

static long grow(int8_t *spin, const int *nb, int *stack, long sites, uint64_t add) {
    int seed = (int) next_int_below((uint32_t) sites);
    int8_t from = spin[seed], to = (int8_t) -from;
    spin[seed] = 0;
    stack[0] = seed;
    long top = 1, size = 1, read = 0, drawn = 0;
    while (top > 0) {
        int site = stack[--top];
        spin[site] = to;
        const int *n = nb + 4L * site;
        for (int k = 0; k < 4; k++) {
            int j = n[k];
            int8_t s = spin[j];
            read += s;
            if (s == from) {
                drawn++;
#ifdef DOUBLE_COMPARE
                if ((next() >> 11) * 0x1.0p-53 < add_probability) {
#else
                if ((next() >> 11) < add) {
#endif
                    spin[j] = 0;
                    stack[top++] = j;
                    size++;
                }
            }
        }
    }
    bonds += 4 * (to * read + drawn) - 8 * size;
    return size;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s L SPINS\n", argv[0]); return 2; }
    int L = atoi(argv[1]);
    long spins = atol(argv[2]);
    long sites = (long) L * L;
    seed_rng(1);
    /* As the Java benchmark: 2 / T_c with T_c = 2 / ln(1 + sqrt 2), p = -expm1(-2/T_c), as ceil(p 2^53). */
    double tc = 2.0 / log(1.0 + sqrt(2.0));
    add_probability = -expm1(-2.0 / tc);
    uint64_t add = (uint64_t) ceil(add_probability * 0x1p53);
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
    long first_bonds = 0;
    for (long i = 0; i < sites; i++) first_bonds += spin[i] * (spin[nb[4 * i]] + spin[nb[4 * i + 2]]);
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
    long check = 0;
    for (long i = 0; i < sites; i++) check += spin[i] * (spin[nb[4 * i]] + spin[nb[4 * i + 2]]);
    if (check - bonds != first_bonds) { fprintf(stderr, "kept bond sum disagrees with a count\n"); return 1; }
    printf("%d %.4f %.1f %.4f %ld %ld\n", L, ns / (double) flipped, (double) flipped / clusters, cpu / (double) flipped,
           flipped, clusters);
    free(spin); free(nb); free(stack);
    return 0;
}
