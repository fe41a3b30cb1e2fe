package io.phasesweep.lattice;

/**
 * An L x L square lattice with periodic boundaries. Site (x, y) has index {@code y * L + x}; the
 * neighbour table lists right, left, down, up for each site, so a cluster algorithm reads four
 * consecutive ints instead of computing wraps.
 */
public final class SquareLattice {
    public static final int COORDINATION = 4;

    private final int size;
    private final int[] neighbours;

    public SquareLattice(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("lattice size must be >= 2, got " + size);
        }
        this.size = size;
        this.neighbours = new int[COORDINATION * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = COORDINATION * (y * size + x);
                neighbours[i] = y * size + (x + 1) % size;
                neighbours[i + 1] = y * size + (x + size - 1) % size;
                neighbours[i + 2] = ((y + 1) % size) * size + x;
                neighbours[i + 3] = ((y + size - 1) % size) * size + x;
            }
        }
    }

    public int size() {
        return size;
    }

    public int sites() {
        return size * size;
    }

    /** Neighbour table: neighbours of site i are at indices 4i .. 4i+3. Do not modify. */
    public int[] neighbourTable() {
        return neighbours;
    }
}
