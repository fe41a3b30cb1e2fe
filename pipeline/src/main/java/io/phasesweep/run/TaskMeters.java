package io.phasesweep.run;

import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * What the simulation tasks report to the driver while they run, summed over this run's tasks
 * (not over chunks an interrupted run had already committed).
 *
 * @param done        finished tasks (progress)
 * @param kernelNanos the tasks' summed simulation wall time: the pipeline's overhead is the rest
 * @param failed      tasks whose rows carry a status other than ok
 * @param resumed     tasks that continued from a checkpoint instead of starting over
 */
record TaskMeters(LongAccumulator done, LongAccumulator kernelNanos, LongAccumulator failed, LongAccumulator resumed)
        implements Serializable {
}
