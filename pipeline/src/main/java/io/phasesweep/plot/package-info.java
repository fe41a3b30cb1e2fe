/**
 * Figures of a finished sweep, drawn from its tables alone.
 *
 * <p>What to draw is decided by pure code on plain values ({@link io.phasesweep.plot.SweepView}
 * in, {@link io.phasesweep.plot.Figure}s out: {@link io.phasesweep.plot.FigurePlan} and the planners
 * it calls), so layout rules are tested without drawing; {@link io.phasesweep.plot.FigureRenderer}
 * turns a figure into PNG or SVG with JFreeChart, and {@link io.phasesweep.plot.SweepLoader} is the
 * only class that reads files. Rules every figure follows: at most {@link
 * io.phasesweep.plot.CurveLayout#MAX_CURVES} curves per panel (more become small multiples, one
 * colour per value across panels); a grid point that failed or gave NaN is a gap, never a zero;
 * titles name the sweep and model; captions state the fitted numbers a figure shows.
 */
package io.phasesweep.plot;
