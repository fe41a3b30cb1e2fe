package io.phasesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code phasesweep-reference.conf}: every key a sweep file may set, its default and its meaning
 * (the way Caffeine's simulator documents its settings). The loader takes the keys it accepts and
 * its defaults from here; the file is never merged into a sweep file, so the manifest and the
 * config hash see only what the user wrote.
 */
public final class Reference {
    /** The classpath resource. */
    public static final String RESOURCE = "phasesweep-reference.conf";

    /**
     * One documented key.
     *
     * @param key          its full path, e.g. {@code sweep.replicas}
     * @param defaultValue the default as HOCON ({@code 200}, {@code {}}), or null when it has none
     * @param meaning      the one-line comment above it
     */
    public record Entry(String key, String defaultValue, String meaning) {
    }

    /**
     * A key's value in effect for one sweep file.
     *
     * @param value  as HOCON, or the reference's note on what happens when it is unset
     * @param origin file:line, {@code --set key}, {@code --out}, or {@code default}
     */
    public record Setting(String key, String value, String origin) {
    }

    private static final Config CONFIG = ConfigFactory.parseResources(Reference.class.getClassLoader(), RESOURCE,
            ConfigParseOptions.defaults().setAllowMissing(false));

    private Reference() {
    }

    /** The keys allowed directly under {@code block} ("" for the top level), null-valued ones included. */
    static Set<String> keys(String block) {
        ConfigObject object = block.isEmpty() ? CONFIG.root() : CONFIG.getObject(block);
        return Set.copyOf(object.keySet());
    }

    /** The reference settings themselves, for defaults of other types (durations). */
    static Config config() {
        return CONFIG;
    }

    static long integer(String path) {
        return CONFIG.getLong(path);
    }

    static boolean bool(String path) {
        return CONFIG.getBoolean(path);
    }

    /** Every leaf key (a value, or an empty block such as {@code spark.conf}) in file order. */
    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        collect(CONFIG.root(), "", entries);
        return entries;
    }

    private static void collect(ConfigObject object, String prefix, List<Entry> into) {
        List<Map.Entry<String, ConfigValue>> children = new ArrayList<>(object.entrySet());
        children.sort(java.util.Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
        for (Map.Entry<String, ConfigValue> e : children) {
            String key = prefix + e.getKey();
            ConfigValue v = e.getValue();
            if (v.valueType() == ConfigValueType.OBJECT && !((ConfigObject) v).isEmpty()) {
                // A block with a meaning of its own (sweep.grid: open to parameter names) is a key
                // too, documented before the keys it reserves.
                if (v.origin().comments().size() == 1) {
                    into.add(new Entry(key, "{}", v.origin().comments().get(0).strip()));
                }
                collect((ConfigObject) v, key + ".", into);
                continue;
            }
            List<String> comments = v.origin().comments();
            if (comments.size() != 1) {
                throw new IllegalStateException(RESOURCE + ":" + v.origin().lineNumber() + ": " + key
                        + " needs exactly one comment line (its meaning), has " + comments.size());
            }
            // A string default (a duration) is shown as a user writes it, without HOCON's quotes.
            String rendered = v.valueType() == ConfigValueType.NULL ? null
                    : v.valueType() == ConfigValueType.STRING ? (String) v.unwrapped() : v.render(ConfigRenderOptions.concise());
            into.add(new Entry(key, rendered, comments.get(0).strip()));
        }
    }

    /** Each documented key's value in {@code config} (a sweep file, merged and resolved), else its default. */
    static List<Setting> effective(Config config) {
        List<Setting> settings = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.key().startsWith("fss.") && !config.hasPath("fss")) {
                continue; // no fss block, no analysis: its defaults would only be noise
            }
            if (e.key().startsWith("sweep.refine.") && !config.hasPath("sweep.refine")
                    || e.key().startsWith("sweep.grid.") && !config.hasPath(e.key())) {
                continue; // forms a sweep does not use: their defaults would only be noise
            }
            if (config.hasPath(e.key())) {
                ConfigValue v = config.getValue(e.key());
                settings.add(new Setting(e.key(), v.render(ConfigRenderOptions.concise()), TypedValues.where(v.origin())));
            } else {
                String unset = e.meaning().contains("unset: ") ? e.meaning().substring(e.meaning().indexOf("unset: ") + 7)
                        : "none";
                settings.add(new Setting(e.key(), e.defaultValue() != null ? e.defaultValue() : "(" + unset + ")",
                        "default"));
            }
        }
        return settings;
    }
}
