package io.phasesweep.model;

import java.util.HashMap;
import java.util.Map;

/** Tests' shorthand for a model's resolved parameters: {@code TestParams.of(type, "N", 64, "T", 1.5)}. */
public final class TestParams {
    private TestParams() {
    }

    /** {@link Params#resolve} of the given name-value pairs; defaults fill the rest. */
    public static Params of(ModelType type, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.resolve(type, values);
    }
}
