package io.phasesweep.fss;

/** How an fss row was estimated; {@link #label()} is what the {@code method} column holds. */
public enum Method {
    /** The crossing of one pair of sizes. */
    CROSSING("crossing"),
    /** The crossings of successive sizes extrapolated linearly in 1/L. */
    CROSSING_EXTRAPOLATION("crossing_extrapolation"),
    /** The data collapse (Houdayer-Hartmann quality). */
    COLLAPSE("collapse"),
    /** Peak heights against size. */
    PEAK_HEIGHT("peak_height"),
    /** Peak positions against size. */
    PEAK_POSITION("peak_position"),
    /** The fixed rule that picks one estimate per quantity. */
    FINAL("final");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
