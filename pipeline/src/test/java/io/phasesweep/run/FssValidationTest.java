package io.phasesweep.run;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped FSS sweeps against exact and literature values (long: 6 + 15 + 5 minutes on 2 cores;
 * run with {@code mvn -B verify -Plong}). Each final estimate must lie within 2 of its reported
 * standard errors of the reference, and inside the stated band.
 */
@Tag("long")
class FssValidationTest {
    static final double K_SIGMA = 2.0;
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[*]").appName("fss-validation")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<Row> finals(String conf) {
        SweepConfig c = ConfigLoader.load(Path.of("..", "conf", conf), List.of(), dir.resolve(conf));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
        return spark.read().parquet(dir.resolve(conf).resolve("fss").toString()).where("method = 'final'").collectAsList();
    }

    static void assertFinal(List<Row> rows, String quantity, double reference, double band) {
        Row r = rows.stream().filter(x -> x.getAs("quantity").equals(quantity)).findFirst()
                .orElseThrow(() -> new AssertionError("no final " + quantity));
        double est = r.getAs("estimate");
        double err = r.getAs("stderr");
        assertTrue(Math.abs(est - reference) < K_SIGMA * err && Math.abs(est - reference) < band,
                String.format("%s = %.6f +- %.6f vs %.6f (band %.4f)", quantity, est, err, reference, band));
    }

    /** Exact: T_c = 2/ln(1 + sqrt 2) (Onsager 1944), nu = 1, gamma/nu = 7/4, beta/nu = 1/8. */
    @Test
    void ising2dRecoversTheExactCriticalPointAndExponents() {
        List<Row> f = finals("ising2d-fss.conf");
        assertFinal(f, "critical_point", 2 / Math.log(1 + Math.sqrt(2)), 0.002);
        assertFinal(f, "nu", 1.0, 0.05);
        assertFinal(f, "gamma_over_nu", 1.75, 0.05);
        assertFinal(f, "beta_over_nu", 0.125, 0.02);
    }

    /** K_c = 0.221654626(5), nu = 0.629912(86): Ferrenberg, Xu and Landau, Phys. Rev. E 97, 043301 (2018). */
    @Test
    void ising3dRecoversTheLiteratureCriticalCouplingAndNu() {
        List<Row> f = finals("ising3d-fss.conf");
        assertFinal(f, "critical_point", 0.221654626, 0.0005);
        assertFinal(f, "nu", 0.629912, 0.03);
    }

    /** Exact for q = 3: T_c = 1/ln(1 + sqrt 3) (Potts 1952; Baxter 1973), nu = 5/6 (den Nijs 1979). */
    @Test
    void potts2dQ3RecoversTheExactCriticalPointAndNu() {
        List<Row> f = finals("potts2d-q3-fss.conf");
        assertFinal(f, "critical_point", 1 / Math.log(1 + Math.sqrt(3)), 0.002);
        assertFinal(f, "nu", 5.0 / 6.0, 0.05);
    }
}
