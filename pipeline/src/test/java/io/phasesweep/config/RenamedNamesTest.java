package io.phasesweep.config;

import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name renamed to snake_case is refused where a config can name it, with its new name. */
class RenamedNamesTest {
    @TempDir
    Path dir;

    private String refusal(String text) {
        return assertThrows(ConfigError.class,
                () -> ConfigLoader.load(Configs.write(dir, "r.conf", text), List.of(), null)).getMessage();
    }

    @Test
    void anOldObservableNameInFssSaysWhatItIsCalledNow() {
        String m = refusal("""
                sweep { model = kuramoto1d, grid { N = [16, 32], K = [0.1, 0.2, 0.3, 0.4] } }
                fss { control = K, size = N, observables = [W_sat] }
                """);
        assertTrue(m.endsWith("r.conf:2: fss.observables: model kuramoto1d has no scaling form for 'W_sat',"
                + " 'W_sat' was renamed to 'w_sat' (available: )"), m);
    }

    @Test
    void anOldNameAsAParameterOrAxisSaysWhatItIsCalledNow() {
        String m = refusal("sweep { model = kuramoto1d, grid { KPZ = [1, 2] } }\n");
        assertTrue(m.contains("r.conf:1: sweep.grid.KPZ: model kuramoto1d has no parameter 'KPZ', 'KPZ' was renamed"
                + " to 'kpz' (parameters: "), m);
        m = refusal("""
                sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.1, 2.2, 2.3] } }
                fss { control = EW, size = L }
                """);
        assertTrue(m.contains("fss.control: 'EW' is not a grid axis, 'EW' was renamed to 'ew' (axes: L, T)"), m);
    }

    @Test
    void typosStillGetADidYouMean() {
        assertEquals(", did you mean 'sweeps'?", Suggestions.suggestion("sweps", List.of("sweeps", "T")));
        assertEquals(", 'W_sat' was renamed to 'w_sat'", Suggestions.suggestion("W_sat", List.of("w_sat")));
        assertEquals("", Suggestions.suggestion("w_sat", List.of("beta")));
    }
}
