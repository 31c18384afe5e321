package org.topolayer.spark.io;

import java.io.Serializable;

/**
 * One input sample as every source delivers it: an id, an optional label, row-major values and
 * their shape (an image H×W, a signal [n], a point cloud [n, d]). A source that cannot read a
 * sample sets {@link #getError()} instead of the values, so one bad file does not fail the job.
 * A Java bean, for {@code Encoders.bean}.
 */
public class Sample implements Serializable {
    private static final long serialVersionUID = 1L;
    private long id;
    private Integer label;
    private double[] values;
    private int[] shape;
    private String error;

    public Sample() {}

    public Sample(long id, Integer label, double[] values, int[] shape) {
        this.id = id;
        this.label = label;
        this.values = values;
        this.shape = shape;
    }

    public static Sample failed(long id, String error) {
        Sample s = new Sample(id, null, null, null);
        s.error = error;
        return s;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public Integer getLabel() {
        return label;
    }

    public void setLabel(Integer label) {
        this.label = label;
    }

    public double[] getValues() {
        return values;
    }

    public void setValues(double[] values) {
        this.values = values;
    }

    /** The shape; null means a 1-D signal of values.length entries. */
    public int[] getShape() {
        return shape;
    }

    public void setShape(int[] shape) {
        this.shape = shape;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    /** The shape, defaulting to [values.length]. */
    public int[] effectiveShape() {
        return shape != null ? shape : new int[] {values.length};
    }
}
