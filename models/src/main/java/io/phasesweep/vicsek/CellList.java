package io.phasesweep.vicsek;

/**
 * Neighbours within distance 1 in a periodic square box of side {@code box}, found through a grid
 * of m x m cells of side box / m >= 1: a pair closer than 1 lies in the same or in adjacent cells
 * (across the boundary too), so each particle looks at 9 cells, not at all N particles. With at
 * least 3 cells per side those 9 cells are distinct; a box narrower than 3 has fewer, and then
 * every pair is checked instead (at most about 9 rho particles: there is nothing to save).
 *
 * <p>m = floor(box), capped at sqrt(2N) so that a dilute box does not hold far more cells than
 * particles (cells larger than 1 are still correct, only less selective). Distances are periodic:
 * a neighbour in a cell across the boundary is shifted by +-box first, so each pair is counted once,
 * at its nearest image. {@link #rebuild} sorts the particles into cells (a counting sort, stable in
 * particle index) and keeps copies of their coordinates and headings in that order, which the inner
 * loops read contiguously. Nothing is allocated after construction.
 */
final class CellList {
    private final int n;
    private final double box;
    private final double half;
    /** Cells per side; below 3 the all-pairs path is taken. */
    private final int m;
    private final double cellsPerUnit;
    /** Particles of cell k are sorted slots start[k] .. start[k + 1] - 1. */
    private final int[] start;
    /** Particle index at each sorted slot. */
    private final int[] order;
    private final int[] cellOf;
    private final double[] sx;
    private final double[] sy;
    private final double[] sc;
    private final double[] ss;

    CellList(int n, double box) {
        this.n = n;
        this.box = box;
        this.half = box / 2;
        this.m = cellsPerSide(n, box);
        this.cellsPerUnit = m / box;
        this.start = new int[m * m + 1];
        this.order = new int[n];
        this.cellOf = new int[n];
        this.sx = new double[n];
        this.sy = new double[n];
        this.sc = new double[n];
        this.ss = new double[n];
    }

    /** floor(box), at most sqrt(2n) (and at least 1); fewer than 3 means all pairs are checked. */
    static int cellsPerSide(int n, double box) {
        long byRadius = (long) Math.floor(box);
        long byCount = (long) Math.floor(Math.sqrt(2.0 * n));
        return (int) Math.max(1, Math.min(byRadius, Math.max(3, byCount)));
    }

    /** Cells per side of this list (below 3: all pairs). */
    int cellsPerSide() {
        return m;
    }

    /** Whether this box is too narrow for 3 cells per side, so all pairs are checked. */
    boolean allPairs() {
        return m < 3;
    }

    /** Bytes held for n particles in a box of side {@code box}. */
    static long memoryBytes(long n, double box) {
        long m = cellsPerSide((int) Math.min(Integer.MAX_VALUE, n), box);
        return 4 * (m * m + 1) + n * (3 * 4 + 4 * 8);
    }

    /** Sorts the particles into cells: positions in [0, box), headings (cos, sin) copied alongside. */
    void rebuild(double[] x, double[] y, double[] cos, double[] sin) {
        java.util.Arrays.fill(start, 0);
        for (int i = 0; i < n; i++) {
            int k = cell(x[i]) * m + cell(y[i]);
            cellOf[i] = k;
            start[k + 1]++;
        }
        for (int k = 0; k < m * m; k++) {
            start[k + 1] += start[k];
        }
        // start[k] now points at the first free slot of cell k; it is shifted back below.
        for (int i = 0; i < n; i++) {
            int slot = start[cellOf[i]]++;
            order[slot] = i;
            sx[slot] = x[i];
            sy[slot] = y[i];
            sc[slot] = cos[i];
            ss[slot] = sin[i];
        }
        for (int k = m * m; k > 0; k--) {
            start[k] = start[k - 1];
        }
        start[0] = 0;
    }

    /** The cell coordinate of a position in [0, box); a position that rounds onto the far edge goes to the last cell. */
    private int cell(double position) {
        return Math.min(m - 1, (int) (position * cellsPerUnit));
    }

    /**
     * For every particle i, the sums of cos and sin of the headings of all particles within
     * distance 1 of it (itself included) and their number, from the state of the last
     * {@link #rebuild}. Results go to index i of the output arrays. Particles are visited cell by
     * cell; each particle's neighbours are summed in the fixed order of cells and slots, so the
     * result is a function of the configuration alone.
     */
    void sumNeighbourHeadings(double[] sumCos, double[] sumSin, int[] count) {
        if (m < 3) {
            sumAllPairs(sumCos, sumSin, count);
            return;
        }
        for (int cx = 0; cx < m; cx++) {
            for (int cy = 0; cy < m; cy++) {
                int from = start[cx * m + cy];
                int to = start[cx * m + cy + 1];
                // Away from the y edges the three cells (nx, cy - 1 .. cy + 1) are one run of slots.
                boolean inner = cy > 0 && cy < m - 1;
                for (int p = from; p < to; p++) {
                    double xi = sx[p];
                    double yi = sy[p];
                    double sumC = 0;
                    double sumS = 0;
                    int neighbours = 0;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = cx + dx;
                        // A neighbour cell across the boundary: its particles' nearest image is box away.
                        double shiftX = nx < 0 ? -box : nx >= m ? box : 0;
                        nx = nx < 0 ? nx + m : nx >= m ? nx - m : nx;
                        double ax = shiftX - xi;
                        for (int dy = inner ? 0 : -1; dy <= (inner ? 0 : 1); dy++) {
                            int ny = cy + dy;
                            double shiftY = ny < 0 ? -box : ny >= m ? box : 0;
                            ny = ny < 0 ? ny + m : ny >= m ? ny - m : ny;
                            double ay = shiftY - yi;
                            int begin = start[nx * m + (inner ? cy - 1 : ny)];
                            int end = start[nx * m + (inner ? cy + 2 : ny + 1)];
                            for (int q = begin; q < end; q++) {
                                double ex = sx[q] + ax;
                                double ey = sy[q] + ay;
                                // Without a branch: about a third of the candidates are neighbours, unpredictably.
                                int within = ex * ex + ey * ey <= 1.0 ? 1 : 0;
                                sumC += within * sc[q];
                                sumS += within * ss[q];
                                neighbours += within;
                            }
                        }
                    }
                    int i = order[p];
                    sumCos[i] = sumC;
                    sumSin[i] = sumS;
                    count[i] = neighbours;
                }
            }
        }
    }

    /** The narrow-box path: every pair, at its nearest periodic image. */
    private void sumAllPairs(double[] sumCos, double[] sumSin, int[] count) {
        for (int p = 0; p < n; p++) {
            double sumC = 0;
            double sumS = 0;
            int neighbours = 0;
            for (int q = 0; q < n; q++) {
                double ex = nearestImage(sx[q] - sx[p]);
                double ey = nearestImage(sy[q] - sy[p]);
                if (ex * ex + ey * ey <= 1.0) {
                    sumC += sc[q];
                    sumS += ss[q];
                    neighbours++;
                }
            }
            int i = order[p];
            sumCos[i] = sumC;
            sumSin[i] = sumS;
            count[i] = neighbours;
        }
    }

    /** A coordinate difference of two points in [0, box), taken to its nearest periodic image. */
    private double nearestImage(double d) {
        return d > half ? d - box : d < -half ? d + box : d;
    }

    /**
     * The particles within distance 1 of particle i (itself included), as of the last
     * {@link #rebuild}, written to {@code out} in the order the sums visit them.
     *
     * @return how many were written
     */
    int neighbours(int i, int[] out) {
        int found = 0;
        int p = 0;
        while (order[p] != i) {
            p++;
        }
        if (m < 3) {
            for (int q = 0; q < n; q++) {
                double ex = nearestImage(sx[q] - sx[p]);
                double ey = nearestImage(sy[q] - sy[p]);
                if (ex * ex + ey * ey <= 1.0) {
                    out[found++] = order[q];
                }
            }
            return found;
        }
        int cx = cellOf[i] / m;
        int cy = cellOf[i] % m;
        for (int dx = -1; dx <= 1; dx++) {
            int nx = cx + dx;
            double shiftX = nx < 0 ? -box : nx >= m ? box : 0;
            nx = nx < 0 ? nx + m : nx >= m ? nx - m : nx;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = cy + dy;
                double shiftY = ny < 0 ? -box : ny >= m ? box : 0;
                ny = ny < 0 ? ny + m : ny >= m ? ny - m : ny;
                int k = nx * m + ny;
                for (int q = start[k]; q < start[k + 1]; q++) {
                    double ex = sx[q] + shiftX - sx[p];
                    double ey = sy[q] + shiftY - sy[p];
                    if (ex * ex + ey * ey <= 1.0) {
                        out[found++] = order[q];
                    }
                }
            }
        }
        return found;
    }
}
