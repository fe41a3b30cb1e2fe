/**
 * The report of a finished sweep: one self-contained HTML page ({@code OUT/report/index.html})
 * with the figures inline as PNG data, the manifest's summary, the finite-size-scaling estimates
 * beside the model's reference values, the config, and relative links to the tables. No script,
 * style sheet, font or image is fetched: the page opens from disk in any browser, offline.
 * {@link io.phasesweep.report.ReportPage} builds it (pure, on jsoup's document model, which escapes
 * every text); {@link io.phasesweep.report.ReportWriter} writes it.
 */
package io.phasesweep.report;
