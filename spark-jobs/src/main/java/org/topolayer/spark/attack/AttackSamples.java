package org.topolayer.spark.attack;

import java.io.Serializable;
import org.topolayer.persistence.grid.GridSize;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleCheck;
import org.topolayer.spark.io.SampleLimits;

/**
 * What makes a sample unusable by the attack job, for training or for being attacked: what
 * {@link SampleCheck} refuses, a missing label or one outside 0..classes-1, or level sets (the
 * classifier's features) estimated to exceed the memory budget.
 */
final class AttackSamples implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int classes;
    private final int maxDimension;
    private final SampleLimits limits;

    AttackSamples(int classes, int maxDimension, SampleLimits limits) {
        this.classes = classes;
        this.maxDimension = maxDimension;
        this.limits = limits;
    }

    /** The problem in words, or null for a usable sample. */
    String problem(Sample s) {
        String problem = SampleCheck.problem(s);
        if (problem != null) {
            return problem;
        }
        if (s.getLabel() == null) {
            return "no label (the attack job needs labelled samples: set --label-column)";
        }
        if (s.getLabel() < 0 || s.getLabel() >= classes) {
            return "label " + s.getLabel() + " is outside 0.." + (classes - 1) + " (--classes " + classes + ")";
        }
        try {
            limits.budget().require(GridSize.of(s.effectiveShape(), maxDimension));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }
}
