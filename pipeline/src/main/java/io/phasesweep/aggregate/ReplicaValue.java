package io.phasesweep.aggregate;

/** One row of the replicas table as the aggregation sees it. */
public record ReplicaValue(int replica, String observable, double value, double stderr) {
}
