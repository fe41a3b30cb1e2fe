package io.phasesweep.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every model phasesweep can run, by name. Models are found with {@link ServiceLoader} through
 * this class's own loader (not the thread's context loader, which Spark replaces on executors):
 * adding a model means adding one line to {@code META-INF/services/io.phasesweep.model.ModelType}.
 * Every such file on the class path contributes (a test classpath adds its own test-only models
 * beside the main ones; it need not repeat them).
 */
public final class ModelRegistry {

    private static final Map<String, ModelType> MODELS = discover();

    private ModelRegistry() {
    }

    public static Optional<ModelType> find(String name) {
        return Optional.ofNullable(MODELS.get(name));
    }

    public static ModelType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown model '" + name + "' (known: " + String.join(", ", MODELS.keySet()) + ")"));
    }

    /** All models, sorted by name. */
    public static Collection<ModelType> all() {
        return Collections.unmodifiableCollection(MODELS.values());
    }

    private static Map<String, ModelType> discover() {
        Map<String, ModelType> byName = new TreeMap<>();
        for (ModelType t : ServiceLoader.load(ModelType.class, ModelRegistry.class.getClassLoader())) {
            ModelType previous = byName.put(t.name(), t);
            if (previous != null && previous.getClass() != t.getClass()) {
                throw new IllegalStateException("two models named " + t.name() + ": "
                        + previous.getClass().getName() + " and " + t.getClass().getName());
            }
        }
        return byName;
    }
}
