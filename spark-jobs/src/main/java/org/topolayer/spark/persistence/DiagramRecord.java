package org.topolayer.spark.persistence;

import java.io.Serializable;

/**
 * One sample's result, as a bean with primitive arrays (no object per bar): for filtration f,
 * bar i has dimension dims[f][i], birth births[f][i], death deaths[f][i]. {@link PersistenceOutput}
 * turns it into the output schema. Bad samples carry the reason in {@link #getError()} and no diagrams.
 */
public class DiagramRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private long id;
    private Integer label;
    private int[][] dims;
    private double[][] births;
    private double[][] deaths;
    private double[] features;
    private String error;

    public DiagramRecord() {}

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

    public int[][] getDims() {
        return dims;
    }

    public void setDims(int[][] dims) {
        this.dims = dims;
    }

    public double[][] getBirths() {
        return births;
    }

    public void setBirths(double[][] births) {
        this.births = births;
    }

    public double[][] getDeaths() {
        return deaths;
    }

    public void setDeaths(double[][] deaths) {
        this.deaths = deaths;
    }

    public double[] getFeatures() {
        return features;
    }

    public void setFeatures(double[] features) {
        this.features = features;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }
}
