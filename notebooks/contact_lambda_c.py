"""lambda_c of the contact process from a phasesweep sweep over lambda (start = full).

At lambda_c the density decays as t^-delta; the late-time slope of ln rho against ln t crosses
-delta there. For every lambda: the replica-mean density series, its least-squares slope over the
last decade of positive values (as the model's density_slope), and a delete-one jackknife over
replicas for its error (the series' times share replicas, so their errors are correlated; the
jackknife sees that). lambda_c: linear interpolation between the two lambda that bracket -delta,
jackknifed the same way (replica j left out at every lambda).

    python3 notebooks/contact_lambda_c.py out/contact-process 0.159464
    python3 notebooks/contact_lambda_c.py out/contact-process-2d 0.4505
"""
import sys

import numpy as np
import pandas as pd


def slope(t, y, decades=1.0):
    ok = y > 0
    if not ok.any():
        return np.nan
    last = np.nonzero(ok)[0][-1]
    window = (t >= t[last] / 10 ** decades * (1 - 1e-12)) & (t <= t[last]) & ok
    if window.sum() < 3:
        return np.nan
    return np.polyfit(np.log(t[window]), np.log(y[window]), 1)[0]


def crossing(lams, slopes, target):
    for i in range(len(lams) - 1):
        a, b = slopes[i], slopes[i + 1]
        if np.isfinite(a) and np.isfinite(b) and (a - target) * (b - target) <= 0 and a != b:
            return lams[i] + (target - a) * (lams[i + 1] - lams[i]) / (b - a)
    return np.nan


def main(out, delta):
    s = pd.read_parquet(f"{out}/replica_series")
    s = s[s.observable == "density_t"]
    lams = np.array(sorted(s["lambda"].unique()))
    reps = sorted(s.replica.unique())
    r = len(reps)
    cube = {}  # lambda -> (t, values[replica, time])
    for lam in lams:
        w = s[s["lambda"] == lam].pivot_table(index="replica", columns="time", values="value")
        cube[lam] = (np.array(w.columns, dtype=float), w.to_numpy())
    full = np.array([slope(cube[l][0], cube[l][1].mean(axis=0)) for l in lams])
    loo = np.array([[slope(cube[l][0], np.delete(cube[l][1], j, axis=0).mean(axis=0)) for l in lams]
                    for j in range(r)])
    err = np.sqrt((r - 1) / r * ((loo - loo.mean(axis=0)) ** 2).sum(axis=0))
    print(f"{out}: {r} replicas per lambda; slope of ln rho vs ln t over the last decade")
    points = pd.read_parquet(f"{out}/points")
    model = points[points.observable == "density_slope"].set_index("lambda")
    phases = pd.read_parquet(f"{out}/phases").set_index("lambda")
    print(f"{'lambda':>8} {'slope':>9} {'jackknife':>9} {'density_slope':>13} {'bound':>7}  phase")
    for lam, v, e in zip(lams, full, err):
        print(f"{lam:8.4f} {v:9.4f} {e:9.4f} {model.loc[lam, 'mean']:13.4f} {model.loc[lam, 'stderr']:7.4f}"
              f"  {phases.loc[lam, 'phase']}")
    lc = crossing(lams, full, -delta)
    lcs = np.array([crossing(lams, loo[j], -delta) for j in range(r)])
    lce = np.sqrt((r - 1) / r * np.nansum((lcs - np.nanmean(lcs)) ** 2))
    print(f"lambda_c = {lc:.4f} +- {lce:.4f} (slope = -{delta})")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
