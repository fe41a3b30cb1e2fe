package io.phasesweep.run;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.SpinHistogramsType;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The histograms table end to end on local Spark, on independent spins whose magnetisation is
 * exactly binomial: counts add up, densities follow the distribution within their exact errors,
 * stderr estimates those errors, and the bits do not depend on the partitioning.
 */
class HistogramsTableTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
    static final int REPLICAS = 8;
    static final long SWEEPS = 2_500;
    static final double H = 0.5;
    static final String CONF = """
            sweep { model = test-spin-histograms, seed = 5, replicas = %d,
                    grid { T = [2.0, 4.0] }, params { h = %s, sweeps = %d } }
            """.formatted(REPLICAS, H, SWEEPS);
    /** Exact standard errors a density may miss its exact value by. */
    static final double K_SIGMA = 4;
    /** A correct histogram fails the chi-square test with this probability (the seed is fixed). */
    static final double P_VALUE_THRESHOLD = 1e-3;

    /** The sweep most tests read: {@link #CONF} on 5 partitions, in {@code spins/}. */
    static SweepRunner.Result spins;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("phasesweep-test", config(CONF).spark());
        spins = run("spins", CONF, "spark.partitions=5");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SweepConfig config(String text, String... sets) {
        List<String> all = new ArrayList<>(Arrays.asList(sets));
        all.add("spark.master=\"local[2]\"");
        return ConfigLoader.load(Configs.write(dir, "t.conf", text), all, null);
    }

    static SweepRunner.Result run(String out, String text, String... sets) {
        List<String> all = new ArrayList<>(Arrays.asList(sets));
        all.add("output.dir=\"" + dir.resolve(out) + "\"");
        return SweepRunner.run(spark, config(text, all.toArray(String[]::new)), false, QUIET);
    }

    static List<Row> rows(String out, String observable) {
        return spark.read().parquet(dir.resolve(out).resolve("histograms").toString())
                .where("observable = '" + observable + "'").orderBy("T", "bin").collectAsList();
    }

    @Test
    void magnetisationHistogramFollowsTheBinomialDistribution() {
        SweepRunner.Result r = spins;
        int bins = SpinHistogramsType.SPINS + 1;
        assertEquals(2 * ((bins + 2) + (2 + 2)), r.rows().get("histograms"), "a row per bin, underflow and overflow");
        assertEquals(2 * REPLICAS, r.replicaRows(), "histograms stay out of replicas/");
        var table = spark.read().parquet(dir.resolve("spins/histograms").toString());
        assertEquals(List.of("T", "pass", "observable", "bin", "bin_low", "bin_high", "count", "density", "stderr",
                "n_replicas"), Arrays.asList(table.columns()));
        double relativeVariance = 0;
        int inRange = 0;
        for (double t : new double[]{2.0, 4.0}) {
            List<Row> hist = rows("spins", SpinHistogramsType.DISTRIBUTION).stream()
                    .filter(row -> (double) row.getAs("T") == t).toList();
            assertEquals(bins + 2, hist.size());
            Row under = hist.get(0);
            Row over = hist.get(bins + 1);
            assertEquals(-1, (int) under.getAs("bin"));
            assertEquals(Double.NEGATIVE_INFINITY, (double) under.getAs("bin_low"));
            assertEquals(bins, (int) over.getAs("bin"));
            assertEquals(Double.POSITIVE_INFINITY, (double) over.getAs("bin_high"));
            assertEquals(0L, (long) under.getAs("count") + (long) over.getAs("count"));
            BinomialDistribution exact = new BinomialDistribution(SpinHistogramsType.SPINS,
                    SpinHistogramsType.upProbability(H, t));
            long total = 0;
            double[] expected = new double[bins];
            long[] observed = new long[bins];
            for (int i = 0; i < bins; i++) {
                Row row = hist.get(i + 1);
                assertEquals(i, (int) row.getAs("bin"));
                double width = (double) row.getAs("bin_high") - (double) row.getAs("bin_low");
                assertEquals(0.25, width, 1e-12);
                double pmf = exact.probability(i);
                // Per sweep the bin's indicator is Bernoulli(pmf); replica densities average S of them.
                double sigma = Math.sqrt(pmf * (1 - pmf) / (SWEEPS * REPLICAS)) / width;
                double density = row.getAs("density");
                double stderr = row.getAs("stderr");
                assertEquals(pmf / width, density, K_SIGMA * sigma, row.toString());
                assertTrue(Double.isFinite(stderr) && stderr > 0, row.toString());
                assertEquals(REPLICAS, (int) row.getAs("n_replicas"));
                relativeVariance += (stderr / sigma) * (stderr / sigma);
                inRange++;
                observed[i] = row.getAs("count");
                expected[i] = SWEEPS * REPLICAS * pmf;
                total += observed[i];
            }
            assertEquals(SWEEPS * REPLICAS, total, "every measurement counted once");
            double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
            assertTrue(pValue > P_VALUE_THRESHOLD, "T = " + t + ": chi-square p-value " + pValue);
        }
        // stderr^2 / sigma^2 is chi^2_{R-1} / (R-1) per bin: its mean over 18 bins is 1 within
        // sqrt(2 / (18 (R - 1))) = 0.13; 4 of those either way.
        assertEquals(1.0, relativeVariance / inRange, 4 * Math.sqrt(2.0 / (inRange * (REPLICAS - 1))));
    }

    @Test
    void valuesRecordedInFinishAreCountedOncePerReplica() {
        for (Row row : rows("spins", SpinHistogramsType.FINAL_SPINS)) {
            int bin = row.getAs("bin");
            double p = SpinHistogramsType.upProbability(H, row.getAs("T"));
            double fraction = bin == 1 ? p : bin == 0 ? 1 - p : 0;
            // One bin holds the 8 R final spins' up (or down) ones: binomial.
            double n = SpinHistogramsType.SPINS * REPLICAS;
            double density = row.getAs("density");
            double width = bin == 0 || bin == 1 ? 1.5 : 1;
            assertEquals(fraction / width, density, K_SIGMA * Math.sqrt(fraction * (1 - fraction) / n) / width + 1e-15,
                    row.toString());
        }
        long total = rows("spins", SpinHistogramsType.FINAL_SPINS).stream().mapToLong(row -> row.getAs("count")).sum();
        assertEquals(2L * REPLICAS * SpinHistogramsType.SPINS, total);
    }

    @Test
    void histogramsDoNotDependOnPartitionCount() {
        run("p1", CONF, "spark.partitions=1");
        List<Row> one = spark.read().parquet(dir.resolve("p1/histograms").toString()).collectAsList();
        List<Row> five = spark.read().parquet(dir.resolve("spins/histograms").toString()).collectAsList();
        assertEquals(one, five);
        // Row.equals compares doubles with ==; require the exact bits too.
        for (int i = 0; i < one.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(one.get(i).getAs("stderr")),
                    Double.doubleToRawLongBits(five.get(i).<Double>getAs("stderr")));
        }
    }

    @Test
    void aReplicaRecordingNanFailsAndOneReplicaHasNoStderr() {
        String conf = """
                sweep { model = test-spin-histograms, replicas = 1, grid { T = [2.0], fault = [none, nan] },
                        params { sweeps = 50 } }
                """;
        run("nan", conf);
        List<Row> failed = spark.read().parquet(dir.resolve("nan/replicas").toString())
                .where("fault = 'nan'").collectAsList();
        assertFalse(failed.isEmpty());
        for (Row row : failed) {
            assertEquals("failed", row.getAs("status"));
            assertTrue(((String) row.getAs("message")).contains("NaN into histogram '" + SpinHistogramsType.DISTRIBUTION),
                    row.toString());
        }
        List<Row> hist = spark.read().parquet(dir.resolve("nan/histograms").toString()).collectAsList();
        assertEquals(11 + 4, hist.size(), "only the point without the fault");
        for (Row row : hist) {
            assertEquals("none", row.getAs("fault"));
            assertTrue(Double.isNaN(row.getAs("stderr")), "no spread with one replica: " + row);
            assertEquals(1, (int) row.getAs("n_replicas"));
        }
    }

    @Test
    void modelsWithoutHistogramsWriteNoHistogramsTable() {
        run("walk", """
                sweep { model = test-random-walk, replicas = 2, params { steps = 8 } }
                """);
        assertFalse(Files.exists(dir.resolve("walk/histograms")));
    }
}
