package io.phasesweep.run;

import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Refinement;
import io.phasesweep.grid.SweepPlan;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The second pass of an fss block with {@code refine}: the first pass's critical points from a
 * quick analysis (few bootstrap samples: only the estimates matter here), then the control axis
 * refined around them. The refined grid keeps every other axis, so it is a plan like the first.
 */
final class RefinementPass {
    /** Bootstrap samples of the quick analysis: enough for the estimates, not for their errors. */
    private static final int QUICK_BOOTSTRAP = 20;

    private RefinementPass() {
    }

    /**
     * The refined plan, or empty when the config asks for none or the first pass found no critical point.
     *
     * @param scalars the first pass's single-value raw rows, read only when a refinement is configured
     */
    static Optional<SweepPlan> plan(SweepConfig config, Supplier<Dataset<Row>> scalars, PrintStream err) {
        if (config.fss().isEmpty() || config.fss().get().refine().isEmpty()) {
            return Optional.empty();
        }
        FssSettings fss = config.fss().get();
        FssSettings.Refine refine = fss.refine().get();
        FssSettings quick = new FssSettings(fss.control(), fss.size(), fss.observables(), fss.windowLo(), fss.windowHi(),
                Math.min(fss.bootstrap(), QUICK_BOOTSTRAP), fss.seed(), Optional.empty());
        List<Double> critical = FssRunner.criticalPoints(FssRunner.analyse(config, quick, scalars.get()));
        if (critical.isEmpty()) {
            err.println("phasesweep: refinement skipped: the first pass gave no critical-point estimate");
            return Optional.empty();
        }
        err.printf(Locale.ROOT, "phasesweep: first pass: %s_c ~ %s; refining %d points over %.4g%n",
                fss.control(), critical, refine.points(), refine.width());
        SweepPlan plan = config.plan();
        return Refinement.grid(plan.grid(), fss.control(), critical, refine.points(), refine.width())
                .map(g -> new SweepPlan(plan.model(), plan.sweepSeed(), plan.replicas(), g, plan.fixed()));
    }

    /** The control axis's refined values, as the manifest records them. */
    static String refinedValues(SweepConfig config, SweepPlan refined) {
        String control = config.fss().orElseThrow().control();
        return refined.grid().axis(control).orElseThrow().values().toString();
    }

    /** The manifest key under which {@link #refinedValues} goes. */
    static String manifestKey(SweepConfig config) {
        return "refined_" + config.fss().orElseThrow().control();
    }
}
