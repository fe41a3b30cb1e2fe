package io.phasesweep.plot;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Axis labels and legends with the symbols physics writes: the model's own meanings ("Binder
 * cumulant 1 - &lt;m^4&gt;/(3&lt;m^2&gt;^2)") set with Greek letters and superscripts (averages keep
 * their &lt; &gt;: the angle brackets U+27E8/9 read as parentheses at screen sizes),
 * and exponent names ({@code gamma_over_nu}) as ratios (γ/ν). Only whole words and plain-text
 * conventions are rewritten, so a meaning that uses none reads as written.
 */
public final class Labels {
    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("Delta", "Δ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("chi", "χ"), Map.entry("omega", "ω"),
            Map.entry("pi", "π"), Map.entry("sqrt", "√"));
    private static final Pattern WORD = Pattern.compile("\\b([A-Za-z]+)\\b");
    private static final Pattern POWER = Pattern.compile("\\^(-?[0-9]+)");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** Longest meaning shown on an axis: longer ones are cut at a natural break. */
    private static final int AXIS_MEANING = 40;

    private Labels() {
    }

    /** Plain-text math as symbols: Greek letter names as letters, ^n as superscripts. */
    public static String symbols(String text) {
        Matcher w = WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (w.find()) {
            w.appendReplacement(sb, Matcher.quoteReplacement(GREEK.getOrDefault(w.group(1), w.group(1))));
        }
        w.appendTail(sb);
        Matcher p = POWER.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            StringBuilder sup = new StringBuilder();
            for (char c : p.group(1).toCharArray()) {
                sup.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
            }
            p.appendReplacement(out, Matcher.quoteReplacement(sup.toString()));
        }
        p.appendTail(out);
        return out.toString();
    }

    /** An estimand as a symbol: {@code gamma_over_nu} as γ/ν, {@code critical_point} as x_c in the control's name (T_c). */
    public static String estimand(String quantity, String control) {
        if (quantity.equals(io.phasesweep.model.ReferenceValue.CRITICAL_POINT)) {
            return symbols(control) + "_c";
        }
        return symbols(quantity.replace("_over_", "/").replace('_', ' '));
    }

    /** A grid axis: its symbol, then what it is ("T, temperature"). */
    public static String axis(ModelType model, String name) {
        String symbol = symbols(name);
        return parameter(model, name).map(ParamSpec::meaning).map(Labels::shortMeaning)
                .filter(m -> !m.isEmpty() && !m.equals(symbol)).map(m -> symbol + ", " + m).orElse(symbol);
    }

    /** A quantity: its meaning in symbols, then its name in the tables ("|m| [abs_magnetization]"). */
    public static String quantity(ModelType model, String name) {
        String symbol = symbols(name);
        return meaning(model, name).map(Labels::shortMeaning).filter(m -> !m.isEmpty())
                .map(m -> symbols(m) + "  [" + name + "]").orElse(symbol.equals(name) ? name : symbol + "  [" + name + "]");
    }

    /** A quantity on a small panel's axis: its symbol and table name only (its meaning goes in the caption). */
    public static String quantityShort(String name) {
        String symbol = symbols(name);
        return symbol.equals(name) ? name : symbol + "  [" + name + "]";
    }

    /** The model's full meaning of a quantity, in symbols, for titles and captions. */
    public static Optional<String> meaning(ModelType model, String name) {
        Optional<String> m = model.observables().stream().filter(o -> o.name().equals(name)).map(ObservableSpec::meaning).findFirst();
        if (m.isEmpty()) {
            m = model.derived().stream().filter(d -> d.name().equals(name)).map(DerivedQuantity::meaning).findFirst();
        }
        return m;
    }

    /** One axis value as text: doubles without trailing noise (0.05, not 0.05000000000000001). */
    public static String value(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** An estimate with its error, to the error's second significant digit: 2.2693 ± 0.0012. */
    public static String estimate(double value, double error) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (!Double.isFinite(error) || error <= 0) {
            return String.format(Locale.ROOT, "%.5g", value);
        }
        int digits = Math.max(0, 1 - (int) Math.floor(Math.log10(error)));
        return String.format(Locale.ROOT, "%." + digits + "f ± %." + digits + "f", value, error);
    }

    private static Optional<ParamSpec> parameter(ModelType model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * A meaning that fits an axis: whole when short (a formula such as "N beta (<m^2> - <|m|>^2)"
     * must not lose its bracket), else its first clause (before "(", ";", ":" or ","), at most
     * {@link #AXIS_MEANING} characters.
     */
    private static String shortMeaning(String meaning) {
        String m = meaning.strip();
        if (m.length() <= AXIS_MEANING) {
            return m;
        }
        for (String stop : new String[]{" (", ";", ":", ","}) {
            int i = m.indexOf(stop);
            if (i > 0) {
                m = m.substring(0, i).strip();
            }
        }
        return m.length() <= AXIS_MEANING ? m : m.substring(0, AXIS_MEANING - 1).strip() + "…";
    }
}
