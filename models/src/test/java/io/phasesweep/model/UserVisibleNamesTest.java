package io.phasesweep.model;

import io.phasesweep.kuramoto.GrowthClass;
import io.phasesweep.kuramoto.KuramotoChainType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The naming rule (README, "Names"): every name a user sees is snake_case, except a parameter
 * that is its field's standard one-letter symbol (T, K, L, N, J, h, D, q, c).
 */
class UserVisibleNamesTest {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z]");

    @Test
    void everyRegisteredModelNamesItsQuantitiesInSnakeCase() {
        List<String> offenders = new ArrayList<>();
        for (ModelType type : ModelRegistry.all()) {
            String m = type.name() + ".";
            type.parameters().stream().map(ParamSpec::name)
                    .filter(n -> !SNAKE.matcher(n).matches() && !SYMBOL.matcher(n).matches())
                    .forEach(n -> offenders.add(m + "parameter " + n));
            List<String> names = new ArrayList<>();
            type.observables().forEach(o -> names.add(o.name()));
            type.derived().forEach(d -> names.add(d.name()));
            type.derivedSeries().forEach(d -> names.add(d.name()));
            type.scaling().keySet().forEach(names::add);
            type.sizeExponents().forEach(e -> {
                names.add(e.name());
                names.add(e.quantity());
            });
            for (SeriesQuantity q : type.seriesQuantities()) {
                // A growing, then saturating series: every quantity the analysis can name is defined.
                int n = 60;
                double[] t = new double[n];
                double[] w = new double[n];
                double[] err = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Math.pow(10, -1 + 5.0 * i / (n - 1));
                    w[i] = Math.min(Math.pow(t[i], 0.25), 5.0);
                    err[i] = 0.01 * w[i];
                }
                q.analysis().analyse(t, w, err, Params.resolve(type, type.example()))
                        .forEach(v -> names.add(v.name()));
            }
            names.stream().filter(n -> !SNAKE.matcher(n).matches()).forEach(n -> offenders.add(m + n));
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void growthClassesAreSnakeCase() {
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", 16, "K", 1.0, "D", 0.1));
        for (double beta : new double[]{0.25, 1.0 / 3, 0.6}) {
            String phase = new GrowthClass().classify(Map.of("beta", new double[]{beta, 0.001},
                    "slip_rate", new double[]{0, 0}, "order_parameter", new double[]{0.9, 0.01}), p).name();
            assertTrue(SNAKE.matcher(phase).matches(), phase);
        }
    }
}
