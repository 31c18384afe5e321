package org.topolayer.spark.persistence;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.topolayer.compute.FiltrationSpec;
import org.topolayer.limits.MemoryBudget;
import org.topolayer.persistence.Diagram;
import org.topolayer.persistence.PersistenceDiagrams;
import org.topolayer.spark.io.Sample;
import org.topolayer.spark.io.SampleCheck;
import org.topolayer.spark.io.SampleLimits;

/**
 * The per-sample work of the persistence job: diagrams of each filtration, then the feature vector
 * (filtration by filtration, features in order). A bad sample ({@link SampleCheck}, a shape the
 * filtration cannot take, or an estimate over the memory budget, checked before computing) yields
 * a record with the reason and no diagrams, for {@link org.topolayer.spark.output.Rejections}.
 */
public final class SampleFeaturizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<FiltrationSpec> filtrations;
    private final ShippedFeatures features;
    private final SampleLimits limits;

    public SampleFeaturizer(List<FiltrationSpec> filtrations, ShippedFeatures features, SampleLimits limits) {
        if (filtrations.isEmpty()) {
            throw new IllegalArgumentException("give at least one filtration");
        }
        this.filtrations = List.copyOf(filtrations);
        this.features = features;
        this.limits = limits;
    }

    public List<FiltrationSpec> filtrations() {
        return filtrations;
    }

    /** Lazily maps a partition's samples (one record in flight at a time). */
    public Iterator<DiagramRecord> apply(Iterator<Sample> samples) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return samples.hasNext();
            }

            @Override
            public DiagramRecord next() {
                return apply(samples.next());
            }
        };
    }

    public DiagramRecord apply(Sample sample) {
        DiagramRecord record = new DiagramRecord();
        record.setId(sample.getId());
        record.setLabel(sample.getLabel());
        try {
            fill(record, diagrams(filtrations, sample, limits.budget()));
        } catch (IllegalArgumentException e) { // a bad sample: its reason goes with the record
            record.setError(e.getMessage());
        }
        return record;
    }

    /**
     * The per-sample function of the persistence job and of the transformer: a sample's diagrams
     * for each filtration, after the checks every sample gets (values present and finite, shape
     * matching, the filtration takes the shape, the memory estimate within {@code budget}).
     *
     * @throws IllegalArgumentException with the reason the sample is bad
     */
    public static PersistenceDiagrams[] diagrams(List<FiltrationSpec> filtrations, Sample sample, MemoryBudget budget) {
        String problem = SampleCheck.problem(sample);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        double[] values = sample.getValues();
        int[] shape = sample.effectiveShape();
        for (FiltrationSpec spec : filtrations) {
            budget.require(spec.estimate(values, shape));
        }
        PersistenceDiagrams[] out = new PersistenceDiagrams[filtrations.size()];
        for (int f = 0; f < out.length; f++) {
            out[f] = filtrations.get(f).compute(values, shape);
        }
        return out;
    }

    private void fill(DiagramRecord record, PersistenceDiagrams[] byFiltration) {
        int n = byFiltration.length;
        int[][] dims = new int[n][];
        double[][] births = new double[n][], deaths = new double[n][];
        double[][] featureParts = new double[n][];
        int featureLength = 0;
        for (int f = 0; f < n; f++) {
            PersistenceDiagrams diagrams = byFiltration[f];
            flatten(diagrams, f, dims, births, deaths);
            featureParts[f] = features.vector().of(diagrams);
            featureLength += featureParts[f].length;
        }
        double[] all = new double[featureLength];
        for (int f = 0, at = 0; f < n; at += featureParts[f].length, f++) {
            System.arraycopy(featureParts[f], 0, all, at, featureParts[f].length);
        }
        record.setDims(dims);
        record.setBirths(births);
        record.setDeaths(deaths);
        record.setFeatures(all);
    }

    private static void flatten(PersistenceDiagrams diagrams, int f, int[][] dims, double[][] births,
                                double[][] deaths) {
        int total = 0;
        for (Diagram d : diagrams) {
            total += d.size();
        }
        dims[f] = new int[total];
        births[f] = new double[total];
        deaths[f] = new double[total];
        int at = 0;
        for (Diagram d : diagrams) {
            for (int i = 0; i < d.size(); i++, at++) {
                dims[f][at] = d.dimension();
                births[f][at] = d.birth(i);
                deaths[f][at] = d.death(i);
            }
        }
    }
}
