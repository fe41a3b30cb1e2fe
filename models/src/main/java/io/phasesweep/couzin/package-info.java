/**
 * The zonal model of fish schools and bird flocks of I. D. Couzin, J. Krause, R. James,
 * G. D. Ruxton and N. R. Franks, "Collective memory and spatial sorting in animal groups",
 * J. theor. Biol. 218, 1-11 (2002): the model {@code couzin}
 * ({@link io.phasesweep.couzin.CouzinSchoolType}, {@link io.phasesweep.couzin.CouzinSchool}).
 *
 * <p><b>State.</b> N individuals in unbounded 3D space, each a position c_i and a unit heading v_i,
 * moving at constant speed s. Around each individual lie three concentric zones: repulsion,
 * |r_ij| &lt; r_r; orientation, r_r &lt;= |r_ij| &lt; r_o = r_r + dr_o; attraction,
 * r_o &lt;= |r_ij| &lt; r_a = r_o + dr_a, with r_ij = c_j - c_i. Behind each individual a cone of
 * full opening angle {@code blind_angle} = 360 deg - alpha (alpha the field of perception) is blind:
 * j is not seen when the angle between v_i and r_ij exceeds 180 deg - blind_angle / 2.
 *
 * <p><b>Update</b>, every time step tau, synchronously (all desired directions from the state at t,
 * then every individual turns and moves):
 * <ol>
 *   <li>Desired direction d_i. If any neighbour is in the zone of repulsion,
 *   d_i = -sum_j r_ij / |r_ij| over those neighbours, all round (the blind cone applies to the
 *   other two zones) and nothing else counts. Otherwise, over the neighbours seen:
 *   d_o = sum_j v_j over the zone of orientation (the others' headings, not i's own),
 *   d_a = sum_j r_ij / |r_ij| over the zone of attraction; d_i = d_o or d_a when only one zone
 *   holds a neighbour seen, (d_o / |d_o| + d_a / |d_a|) / 2 when both do, and v_i when neither
 *   does. d_i is normalised; a sum that cancels exactly (|d_i| = 0) leaves v_i.</li>
 *   <li>Angular error: d_i is rotated by an angle phi ~ N(0, sigma^2) towards a direction drawn
 *   uniformly from the plane perpendicular to it (a random rotation axis perpendicular to d_i), so
 *   d_i' = cos(phi) d_i + sin(phi) e, the spherically wrapped Gaussian of the paper. The
 *   generator gives phi first (Ziggurat Gaussian), then the azimuth of e (one uniform double), for
 *   individual 0, 1, ... in turn; with sigma = 0 nothing is drawn.</li>
 *   <li>Turn: if the angle between v_i and d_i' is at most theta tau (theta the maximum turning
 *   rate), v_i(t + tau) = d_i'; otherwise v_i is rotated by theta tau towards d_i' in the plane
 *   of the two (if d_i' = -v_i exactly, in a fixed plane through v_i).</li>
 *   <li>Move: c_i(t + tau) = c_i(t) + s tau v_i(t + tau).</li>
 * </ol>
 *
 * <p><b>Units and the paper's values</b> (the defaults; Couzin et al. 2002, Table 1 as we read it):
 * N = 100, r_r = 1 (the unit of length), alpha = 270 deg (blind_angle = 90 deg),
 * theta = 40 deg/s, s = 3 units/s, sigma = 0.05 rad, tau = 0.1 s; dr_o and dr_a are the axes
 * of the paper's phase diagram, 0 to 15. With these values an individual's turning circle has radius
 * s / theta = 4.3 units, so a group held together by attraction alone needs r_a beyond about its
 * diameter (8.6): for smaller r_a and little orientation the group breaks up, the fragmentation the
 * paper reports at small dr_a.
 *
 * <p><b>Observables</b> (measured at the end of every output interval; a point's value is the time
 * average over the measured intervals and the replicas):
 * <ul>
 *   <li>polarization P = |sum_i v_i| / N (the paper's p_group);</li>
 *   <li>milling m = |sum_i r_ic x v_i| / N with r_ic = (c_i - c_group) / |c_i - c_group| the unit
 *   vector from the centre of mass c_group (the paper's m_group, its normalised angular momentum);</li>
 *   <li>nearest_neighbour_distance, the mean over i of min_j |r_ij|;</li>
 *   <li>group_size, the largest connected component of the graph with an edge for each pair closer
 *   than r_a, as a fraction of N.</li>
 * </ul>
 * P and m are invariant under any rotation of all positions and headings together, and do not
 * depend on where the group is. N independent random headings in 3D give P = sqrt(8 / (3 pi N))
 * on average (0.092 for N = 100), the floor a disordered group of N does not go below.
 *
 * <p><b>The paper's states</b> and this package's names for them (the thresholds are in
 * {@link io.phasesweep.couzin.SchoolPhases}): swarm (cohesive, low P and m; at dr_o near 0),
 * torus (individuals circle an empty core, m high and P low; small dr_o with large dr_a),
 * dynamic parallel (polarised but loose and changing; intermediate dr_o) and highly parallel
 * (P near 1; large dr_o). Between the torus and the dynamic parallel group the paper finds
 * hysteresis (collective memory): which one forms depends on where the group came from; every
 * replica here starts from random positions in a ball and random headings.
 *
 * <p><b>Cost.</b> A step is an O(N^2) pass over the pairs, each pair's distance computed once for
 * both partners, plus O(N) turns with four {@link java.lang.StrictMath} sines and cosines each
 * when sigma &gt; 0. At the paper's N = 100 a cell list would not pay: a cohesive group lies mostly
 * within each individual's attraction range anyway.
 */
package io.phasesweep.couzin;
