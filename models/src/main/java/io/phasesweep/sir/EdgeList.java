package io.phasesweep.sir;

import java.util.Arrays;

/** A growable pair of int arrays: the undirected edges (from[e], to[e]) as they are drawn. */
final class EdgeList {
    int[] from;
    int[] to;
    int size;

    EdgeList(int capacity) {
        from = new int[Math.max(16, capacity)];
        to = new int[from.length];
    }

    void add(int i, int j) {
        if (size == from.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
            if (grown == size) {
                throw new IllegalStateException("more than " + size + " edges");
            }
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
        }
        from[size] = i;
        to[size++] = j;
    }
}
