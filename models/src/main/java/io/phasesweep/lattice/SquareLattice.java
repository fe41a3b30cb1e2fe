package io.phasesweep.lattice;

/**
 * An L x L square lattice with periodic boundaries. Site (x, y) has index {@code y * L + x}; the
 * neighbour table lists right, left, down, up for each site, so a cluster algorithm reads four
 * consecutive ints instead of computing wraps.
 */
public final class SquareLattice {
    public static final int COORDINATION = 4;
    /** The largest L whose neighbour table (4 L^2 ints) fits a Java array. */
    public static final int MAX_SIZE = 23_170;

    private final int size;
    private final int[] neighbours;

    public SquareLattice(int size) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("lattice size must be in 2.." + MAX_SIZE + ", got " + size);
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
