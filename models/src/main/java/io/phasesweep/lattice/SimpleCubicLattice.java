package io.phasesweep.lattice;

/**
 * An L x L x L simple cubic lattice with periodic boundaries. Site (x, y, z) has index
 * {@code (z L + y) L + x}; the neighbour table lists +x, -x, +y, -y, +z, -z for each site. The
 * two checkerboard sublattices (x + y + z even / odd) are listed for sublattice-ordered sweeps.
 */
public final class SimpleCubicLattice {
    public static final int COORDINATION = 6;
    /** The largest L whose neighbour table (6 L^3 ints) fits a Java array. */
    public static final int MAX_SIZE = 710;

    private final int size;
    private final int[] neighbours;
    private final int[][] sublattices;

    public SimpleCubicLattice(int size) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("lattice size must be in 2.." + MAX_SIZE + ", got " + size);
        }
        this.size = size;
        int n = size * size * size;
        this.neighbours = new int[COORDINATION * n];
        int[] counts = new int[2];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = index(x, y, z);
                    int b = COORDINATION * i;
                    neighbours[b] = index((x + 1) % size, y, z);
                    neighbours[b + 1] = index((x + size - 1) % size, y, z);
                    neighbours[b + 2] = index(x, (y + 1) % size, z);
                    neighbours[b + 3] = index(x, (y + size - 1) % size, z);
                    neighbours[b + 4] = index(x, y, (z + 1) % size);
                    neighbours[b + 5] = index(x, y, (z + size - 1) % size);
                    counts[(x + y + z) & 1]++;
                }
            }
        }
        sublattices = new int[][]{new int[counts[0]], new int[counts[1]]};
        int[] fill = new int[2];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int parity = (x + y + z) & 1;
                    sublattices[parity][fill[parity]++] = index(x, y, z);
                }
            }
        }
    }

    private int index(int x, int y, int z) {
        return (z * size + y) * size + x;
    }

    public int sites() {
        return size * size * size;
    }

    /** Neighbour table: neighbours of site i at 6i .. 6i+5 (+x, -x, +y, -y, +z, -z). Do not modify. */
    public int[] neighbourTable() {
        return neighbours;
    }

    /**
     * Sites of sublattice 0 (x + y + z even) or 1. For odd L the periodic wrap joins equal
     * parities, so the sublattices are then only an update order, not independent sets.
     */
    public int[] sublattice(int parity) {
        return sublattices[parity];
    }
}
