/* xoshiro256++ (Blackman and Vigna 2021), seeded by SplitMix64: the generator the Java kernels use. */
#ifndef PHASESWEEP_XOSHIRO_H
#define PHASESWEEP_XOSHIRO_H
#include <stdint.h>

static uint64_t s[4];

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next(void) {
    const uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static inline double next_double(void) { return (next() >> 11) * 0x1.0p-53; }

/* Uniform integer in [0, n): Lemire's multiply-shift (bias below 2^-32 for these n). */
static inline uint32_t next_below(uint32_t n) { return (uint32_t) (((next() >> 32) * (uint64_t) n) >> 32); }

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void seed_rng(uint64_t seed) {
    for (int k = 0; k < 4; k++) s[k] = splitmix64(&seed);
}
#endif
