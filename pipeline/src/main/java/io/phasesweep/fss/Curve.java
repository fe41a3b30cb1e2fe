package io.phasesweep.fss;

import java.util.Arrays;

/** One quantity against the control parameter for one size: sorted x, values y, errors dy. */
public record Curve(double[] x, double[] y, double[] dy) {

    public Curve {
        if (x.length != y.length || x.length != dy.length) {
            throw new IllegalArgumentException("x, y and dy differ in length");
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x must be strictly increasing");
            }
        }
    }

    public int size() {
        return x.length;
    }

    /** Points with lo <= x <= hi. */
    public Curve window(double lo, double hi) {
        int from = 0;
        while (from < x.length && x[from] < lo) {
            from++;
        }
        int to = from;
        while (to < x.length && x[to] <= hi) {
            to++;
        }
        return new Curve(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(dy, from, to));
    }
}
