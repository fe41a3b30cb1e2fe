# Shared by bench/pipeline and bench/scale (sourced, not run).

# manifest_value DIR KEY: the first number recorded under "KEY" in DIR/manifest.json.
manifest_value() { grep -o "\"$2\" : [0-9.eE+-]*" "$1/manifest.json" | head -1 | awk '{ print $3 }'; }

# One line of a results table: label, measured, target, where the figure comes from.
row() { printf "%-48s %10s %10s %12s\n" "$@"; }
