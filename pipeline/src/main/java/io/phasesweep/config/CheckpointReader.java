package io.phasesweep.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code checkpoint} block: how much task time passes between a task's checkpoints. Not part of the hash. */
final class CheckpointReader {
    /** Units people write that HOCON's durations lack ("10 min"), and HOCON's spelling of each. */
    private static final Map<String, String> UNIT_SPELLINGS = Map.of("min", "minutes", "mins", "minutes",
            "sec", "seconds", "secs", "seconds", "hr", "hours", "hrs", "hours");
    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("\\s*([0-9.]+)\\s*([A-Za-z]+)\\s*");

    private final TypedValues values;

    CheckpointReader(TypedValues values) {
        this.values = values;
    }

    /** checkpoint.interval: a duration ("10 minutes", "30 s"); 0 or off: no checkpoints. */
    Duration read() {
        if (!values.has("checkpoint")) {
            return ConfigLoader.DEFAULT_CHECKPOINT_INTERVAL;
        }
        values.requireObject("checkpoint");
        values.checkKeys(values.config().getObject("checkpoint"), "checkpoint.", Reference.keys("checkpoint"));
        if (!values.has("checkpoint.interval")) {
            return ConfigLoader.DEFAULT_CHECKPOINT_INTERVAL;
        }
        String expected = "must be a duration such as '10 minutes' or '30 s', or 0 or off for no checkpoints";
        ConfigValue v = values.config().getValue("checkpoint.interval");
        if (v.valueType() == ConfigValueType.BOOLEAN && !values.config().getBoolean("checkpoint.interval")
                || v.valueType() == ConfigValueType.STRING
                && values.config().getString("checkpoint.interval").strip().equals("off")) {
            return Duration.ZERO;
        }
        if (v.valueType() == ConfigValueType.NUMBER && values.config().getDouble("checkpoint.interval") != 0) {
            // HOCON would read a bare number as milliseconds: almost surely not what was meant.
            throw values.error("checkpoint.interval", "needs a unit, e.g. '" + v.render() + " s' or '"
                    + v.render() + " minutes' (0 or off: no checkpoints)");
        }
        Duration d;
        try {
            d = v.valueType() == ConfigValueType.STRING ? parse(values.config().getString("checkpoint.interval"))
                    : values.config().getDuration("checkpoint.interval");
        } catch (com.typesafe.config.ConfigException e) {
            throw values.error("checkpoint.interval", expected + ", got " + v.render(ConfigRenderOptions.concise()));
        }
        if (d.isNegative()) {
            throw values.error("checkpoint.interval", expected + ", got " + v.render(ConfigRenderOptions.concise()));
        }
        return d;
    }

    /** A duration string in HOCON's syntax, with the unit spellings it lacks ("10 min") accepted too. */
    private static Duration parse(String text) {
        Matcher m = AMOUNT_AND_UNIT.matcher(text);
        String hocon = m.matches() ? UNIT_SPELLINGS.get(m.group(2).toLowerCase(java.util.Locale.ROOT)) : null;
        String spelled = hocon != null ? m.group(1) + " " + hocon : text;
        return com.typesafe.config.ConfigFactory.parseMap(Map.of("d", spelled)).getDuration("d");
    }
}
