package org.topolayer.spark.train;

import org.apache.spark.Partitioner;

/**
 * Puts the samples with ids in [k·span, (k+1)·span) (group k) into partition k mod n, keyed by id:
 * with {@code repartitionAndSortWithinPartitions}, every partition holds whole groups in id order,
 * which {@link DistributedGradient} evaluates one group per batch.
 */
final class GroupPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final long span;

    GroupPartitioner(int partitions, long span) {
        if (partitions < 1 || span < 1) {
            throw new IllegalArgumentException("need ≥ 1 partition and a span ≥ 1, got " + partitions + ", " + span);
        }
        this.partitions = partitions;
        this.span = span;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object id) {
        return (int) (((Long) id / span) % partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupPartitioner g && g.partitions == partitions && g.span == span;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(span) * 31 + partitions;
    }
}
