package io.phasesweep.run;

import io.phasesweep.aggregate.BoundariesStage;
import io.phasesweep.aggregate.ExponentsStage;
import io.phasesweep.aggregate.HistogramsStage;
import io.phasesweep.aggregate.PhasesStage;
import io.phasesweep.aggregate.PointsStage;
import io.phasesweep.aggregate.SeriesStage;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * The tables aggregated from a checked replicas table and the raw rows: time series, histograms,
 * points, size exponents and phases, each written only when the model has what it needs. Failed
 * tasks are left out of all of them.
 */
final class ResultTables {
    private ResultTables() {
    }

    /**
     * The points table of raw rows, series quantities included, written nowhere: what a boundary
     * refinement reads between passes. The same stages as {@link #publish}, so a point's values
     * here are those its published row will hold.
     */
    static Dataset<Row> points(SweepPlan plan, Dataset<Row> raw) {
        Dataset<Row> okRaw = raw.where(col(Tables.STATUS).equalTo(Tables.OK));
        Dataset<Row> points = PointsStage.points(okRaw.where(col(Tables.TIME).isNull().and(col(Tables.BIN).isNull()))
                .drop(Tables.TIME, Tables.BIN), plan);
        if (plan.hasSeries() && !plan.modelType().seriesQuantities().isEmpty()) {
            Dataset<Row> series = okRaw.where(col(Tables.TIME).isNotNull()).select(
                    Tables.replicaSeriesColumns(plan.grid()).stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
            points = points.union(SeriesStage.seriesQuantities(SeriesStage.timeseries(series, plan), plan));
        }
        return points;
    }

    /**
     * Publishes the aggregated tables of {@code plan}.
     *
     * @param raw      every raw row of the sweep's passes (series and histogram rows included)
     * @param replicas the published, checked replicas table
     * @return wall seconds spent aggregating points, for the manifest's timings
     */
    static double publish(TablePublisher tables, SparkContext spark, SweepPlan plan, Dataset<Row> raw,
                          Dataset<Row> replicas) throws IOException {
        Dataset<Row> okRaw = raw.where(col(Tables.STATUS).equalTo(Tables.OK));
        Dataset<Row> seriesQuantities = null;
        if (plan.hasSeries()) {
            spark.setJobDescription("write time series");
            Dataset<Row> series = okRaw.where(col(Tables.TIME).isNotNull()).select(
                    Tables.replicaSeriesColumns(plan.grid()).stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
            Dataset<Row> replicaSeries = tables.publish(Tables.REPLICA_SERIES, series, Tables.replicaSeriesOrder(plan.grid()));
            Dataset<Row> combined = SeriesStage.timeseries(replicaSeries, plan);
            if (!plan.modelType().derivedSeries().isEmpty()) {
                combined = combined.union(SeriesStage.derivedSeries(replicaSeries, plan));
            }
            Dataset<Row> timeseries = tables.publish(Tables.TIMESERIES, combined, Tables.timeseriesOrder(plan.grid()));
            if (!plan.modelType().seriesQuantities().isEmpty()) {
                seriesQuantities = SeriesStage.seriesQuantities(timeseries, plan);
            }
        }
        if (plan.hasHistograms()) {
            spark.setJobDescription("write histograms");
            tables.publish(Tables.HISTOGRAMS, HistogramsStage.histograms(okRaw.where(col(Tables.BIN).isNotNull()), plan),
                    Tables.histogramsOrder(plan.grid()));
        }
        spark.setJobDescription("aggregate points");
        long pointsStart = System.nanoTime();
        Dataset<Row> points = PointsStage.points(replicas.where(col(Tables.STATUS).equalTo(Tables.OK)), plan);
        if (seriesQuantities != null) {
            points = points.union(seriesQuantities);
        }
        Dataset<Row> published = tables.publish(Tables.POINTS, points, Tables.pointsOrder(plan.grid()));
        double pointsSeconds = (System.nanoTime() - pointsStart) / 1e9;
        Optional<Axis> sizeAxis = ExponentsStage.sizeAxis(plan);
        if (sizeAxis.isPresent()) {
            spark.setJobDescription("fit size exponents");
            tables.publish(Tables.EXPONENTS, ExponentsStage.exponents(published, plan),
                    Tables.exponentsOrder(ExponentsStage.otherAxes(plan, sizeAxis.get())));
        }
        Optional<Axis> boundaryAxis = BoundariesStage.axis(plan);
        if (boundaryAxis.isPresent()) {
            spark.setJobDescription("locate boundaries");
            tables.publish(Tables.BOUNDARIES, BoundariesStage.boundaries(published, plan),
                    Tables.boundariesOrder(BoundariesStage.otherAxes(plan, boundaryAxis.get())));
        }
        if (plan.modelType().phaseClassifier().isPresent()) {
            spark.setJobDescription("classify phases");
            tables.publish(Tables.PHASES, PhasesStage.phases(published, plan), Tables.phasesOrder(plan.grid()));
        }
        return pointsSeconds;
    }
}
