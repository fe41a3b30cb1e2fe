# Shared by bench/pipeline and bench/scale (sourced, not run).

# manifest_value DIR KEY: the first number recorded under "KEY" in DIR/manifest.json.
manifest_value() { grep -o "\"$2\" : [0-9.eE+-]*" "$1/manifest.json" | head -1 | awk '{ print $3 }'; }

# One line of a results table: label, measured, target, where the figure comes from.
row() { printf "%-48s %10s %10s %12s\n" "$@"; }

# build_c_references: the C references (bench/c/) into bench/build/. The Kuramoto step is built
# without fused multiply-adds, so its fdlibm sine and cosine round as Java's (and StrictMath's) do,
# and once more with glibc's sin and cos (kuramoto_rk4_libm), for comparison; the Wolff reference
# also as it tested additions before (ising_wolff_double: a double compare, same decisions).
build_c_references() {
  local c
  mkdir -p "$root/bench/build"
  for c in ising_metropolis ising_wolff; do
    gcc -O3 -march=native -o "$root/bench/build/$c" "$root/bench/c/$c.c" -lm
  done
  gcc -O3 -march=native -DDOUBLE_COMPARE -o "$root/bench/build/ising_wolff_double" "$root/bench/c/ising_wolff.c" -lm
  gcc -O3 -march=native -ffp-contract=off -o "$root/bench/build/kuramoto_rk4" "$root/bench/c/kuramoto_rk4.c" -lm
  gcc -O3 -march=native -ffp-contract=off -DLIBM -o "$root/bench/build/kuramoto_rk4_libm" "$root/bench/c/kuramoto_rk4.c" -lm
}

# median NUMBERS...: the median (the mean of the middle two for an even count).
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.4f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
