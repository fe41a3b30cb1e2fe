package io.phasesweep.model;

import io.phasesweep.ising.Ising2DType;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every model phasesweep can run, by name. Adding a model means adding one line here. */
public final class ModelRegistry {

    private static final Map<String, ModelType> MODELS = register(
            Ising2DType.INSTANCE);

    private ModelRegistry() {
    }

    public static Optional<ModelType> find(String name) {
        return Optional.ofNullable(MODELS.get(name));
    }

    public static ModelType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + name + "' (known: " + String.join(", ", MODELS.keySet()) + ")"));
    }

    public static Collection<ModelType> all() {
        return Collections.unmodifiableCollection(MODELS.values());
    }

    private static Map<String, ModelType> register(ModelType... types) {
        Map<String, ModelType> byName = new LinkedHashMap<>();
        for (ModelType t : types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalStateException("model registered twice: " + t.name());
            }
        }
        return byName;
    }
}
