/*
 * Sine and cosine by fdlibm 5.3's algorithm (Sun Microsystems, 1993: k_sin.c, k_cos.c, s_sin.c,
 * s_cos.c, e_rem_pio2.c, "Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"; the coefficients are theirs): the C twin of
 * io.phasesweep.math.Fdlibm, the same operations in the same order, so that the Kuramoto reference
 * computes what the Java kernel computes. Compile with -ffp-contract=off: a fused multiply-add
 * would round differently (and Java's StrictMath bits are the point). Arguments beyond 2^19 pi/2
 * (Payne-Hanek reduction in fdlibm) fall back to libm, as the Java class falls back to StrictMath;
 * the benchmark never reaches them.
 */
#ifndef PHASESWEEP_FDLIBM_TRIG_H
#define PHASESWEEP_FDLIBM_TRIG_H
#include <math.h>
#include <stdint.h>
#include <string.h>

static const double fd_S1 = -1.66666666666666324348e-01, fd_S2 = 8.33333333332248946124e-03,
    fd_S3 = -1.98412698298579493134e-04, fd_S4 = 2.75573137070700676789e-06,
    fd_S5 = -2.50507602534068634195e-08, fd_S6 = 1.58969099521155010221e-10;
static const double fd_C1 = 4.16666666666666019037e-02, fd_C2 = -1.38888888888741095749e-03,
    fd_C3 = 2.48015872894767294178e-05, fd_C4 = -2.75573143513906633035e-07,
    fd_C5 = 2.08757232129817482790e-09, fd_C6 = -1.13596475577881948265e-11;
static const double fd_invpio2 = 6.36619772367581382433e-01, fd_pio2_1 = 1.57079632673412561417e+00,
    fd_pio2_1t = 6.07710050650619224932e-11, fd_pio2_2 = 6.07710050630396597660e-11,
    fd_pio2_2t = 2.02226624879595063154e-21, fd_pio2_3 = 2.02226624871116645580e-21,
    fd_pio2_3t = 8.47842766036889956997e-32;
static const int32_t fd_npio2_hw[] = {
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
    0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
    0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
    0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
    0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
    0x404858EB, 0x404921FB,
};

static inline int32_t fd_high(double x) { uint64_t b; memcpy(&b, &x, 8); return (int32_t) (b >> 32); }

static inline double fd_kernel_sin0(double x) {
    if ((fd_high(x) & 0x7fffffff) < 0x3e400000) return x;
    double z = x * x, v = z * x;
    double r = fd_S2 + z * (fd_S3 + z * (fd_S4 + z * (fd_S5 + z * fd_S6)));
    return x + v * (fd_S1 + z * r);
}

static inline double fd_kernel_sin(double x, double y) {
    if ((fd_high(x) & 0x7fffffff) < 0x3e400000) return x;
    double z = x * x, v = z * x;
    double r = fd_S2 + z * (fd_S3 + z * (fd_S4 + z * (fd_S5 + z * fd_S6)));
    return x - ((z * (0.5 * y - v * r) - y) - v * fd_S1);
}

static inline double fd_kernel_cos(double x, double y, int32_t ix) {
    if (ix < 0x3e400000) return 1.0;
    double z = x * x;
    double r = z * (fd_C1 + z * (fd_C2 + z * (fd_C3 + z * (fd_C4 + z * (fd_C5 + z * fd_C6)))));
    if (ix < 0x3FD33333) return 1.0 - (0.5 * z - (z * r - x * y));
    double qx;
    if (ix > 0x3fe90000) {
        qx = 0.28125;
    } else {
        uint64_t b = (uint64_t) (uint32_t) (ix - 0x00200000) << 32;
        memcpy(&qx, &b, 8);
    }
    double hz = 0.5 * z - qx, a = 1.0 - qx;
    return a - (hz - (z * r - x * y));
}

/* sin(x + shift pi/2) for pi/4 < |x| <= 2^19 pi/2. */
static inline double fd_reduced(double x, int32_t hx, int32_t ix, int shift) {
    int n;
    double y0, y1;
    if (ix < 0x4002d97c) {
        if (hx > 0) {
            double z = x - fd_pio2_1;
            if (ix != 0x3ff921fb) { y0 = z - fd_pio2_1t; y1 = (z - y0) - fd_pio2_1t; }
            else { z -= fd_pio2_2; y0 = z - fd_pio2_2t; y1 = (z - y0) - fd_pio2_2t; }
            n = 1;
        } else {
            double z = x + fd_pio2_1;
            if (ix != 0x3ff921fb) { y0 = z + fd_pio2_1t; y1 = (z - y0) + fd_pio2_1t; }
            else { z += fd_pio2_2; y0 = z + fd_pio2_2t; y1 = (z - y0) + fd_pio2_2t; }
            n = -1;
        }
    } else {
        double t = fabs(x);
        n = (int) (t * fd_invpio2 + 0.5);
        double fn = (double) n, r = t - fn * fd_pio2_1, w = fn * fd_pio2_1t;
        if (n < 32 && ix != fd_npio2_hw[n - 1]) {
            y0 = r - w;
        } else {
            int j = ix >> 20;
            y0 = r - w;
            int i = j - ((fd_high(y0) >> 20) & 0x7ff);
            if (i > 16) {
                t = r; w = fn * fd_pio2_2; r = t - w; w = fn * fd_pio2_2t - ((t - r) - w); y0 = r - w;
                i = j - ((fd_high(y0) >> 20) & 0x7ff);
                if (i > 49) { t = r; w = fn * fd_pio2_3; r = t - w; w = fn * fd_pio2_3t - ((t - r) - w); y0 = r - w; }
            }
        }
        y1 = (r - y0) - w;
        if (hx < 0) { y0 = -y0; y1 = -y1; n = -n; }
    }
    switch ((n + shift) & 3) {
        case 0: return fd_kernel_sin(y0, y1);
        case 1: return fd_kernel_cos(y0, y1, fd_high(y0) & 0x7fffffff);
        case 2: return -fd_kernel_sin(y0, y1);
        default: return -fd_kernel_cos(y0, y1, fd_high(y0) & 0x7fffffff);
    }
}

static inline double fd_sin(double x) {
    int32_t hx = fd_high(x), ix = hx & 0x7fffffff;
    if (ix <= 0x3fe921fb) return fd_kernel_sin0(x);
    if (ix > 0x413921fb) return sin(x);
    return fd_reduced(x, hx, ix, 0);
}

static inline double fd_cos(double x) {
    int32_t hx = fd_high(x), ix = hx & 0x7fffffff;
    if (ix <= 0x3fe921fb) return fd_kernel_cos(x, 0.0, ix);
    if (ix > 0x413921fb) return cos(x);
    return fd_reduced(x, hx, ix, 1);
}
#endif
