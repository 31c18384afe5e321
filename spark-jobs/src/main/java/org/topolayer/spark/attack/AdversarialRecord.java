package org.topolayer.spark.attack;

import java.io.Serializable;

/**
 * One (sample, ε) result of the attack job; the adversarial input is usable as a training sample.
 * A plain bean (Kryo and Parquet): the attack job computes the perturbation's norms.
 */
public class AdversarialRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private long id;
    private int label;
    private double eps;
    private int cleanPrediction;
    private int adversarialPrediction;
    private double linf;
    private double l2;
    private double[] values;
    private int[] shape;

    public AdversarialRecord() {}

    AdversarialRecord(long id, int label, double eps, int cleanPrediction, int adversarialPrediction,
                      double linf, double l2, double[] adversarial, int[] shape) {
        this.id = id;
        this.label = label;
        this.eps = eps;
        this.cleanPrediction = cleanPrediction;
        this.adversarialPrediction = adversarialPrediction;
        this.linf = linf;
        this.l2 = l2;
        this.values = adversarial;
        this.shape = shape;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public int getLabel() {
        return label;
    }

    public void setLabel(int label) {
        this.label = label;
    }

    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public int getCleanPrediction() {
        return cleanPrediction;
    }

    public void setCleanPrediction(int cleanPrediction) {
        this.cleanPrediction = cleanPrediction;
    }

    public int getAdversarialPrediction() {
        return adversarialPrediction;
    }

    public void setAdversarialPrediction(int adversarialPrediction) {
        this.adversarialPrediction = adversarialPrediction;
    }

    public double getLinf() {
        return linf;
    }

    public void setLinf(double linf) {
        this.linf = linf;
    }

    public double getL2() {
        return l2;
    }

    public void setL2(double l2) {
        this.l2 = l2;
    }

    /** The adversarial input, row-major in {@link #getShape()}. */
    public double[] getValues() {
        return values;
    }

    public void setValues(double[] values) {
        this.values = values;
    }

    public int[] getShape() {
        return shape;
    }

    public void setShape(int[] shape) {
        this.shape = shape;
    }
}
