package org.topolayer.features;

/**
 * Persistence image (Adams et al.; persim, giotto-tda): each finite bar becomes the point
 * (x, y) = (birth, |d − b|), weighted linearly by y, spread by an isotropic Gaussian of width σ;
 * the image is that density sampled at the pixel centres of [birthMin, birthMax] × [0,
 * persistenceMax]. Entries height × width, row-major, row 0 = lowest persistence. Sampling the
 * density at centres (rather than integrating over pixels) keeps the gradient simple; the two
 * agree when σ is large next to a pixel. Infinite bars are left out.
 */
public final class PersistenceImage extends DimensionedFeature {
    private final double birthMin;
    private final double birthMax;
    private final double persistenceMax;
    private final int width;
    private final int height;
    private final double sigma;

    public PersistenceImage(int dimension, double birthMin, double birthMax, double persistenceMax, int width,
                            int height, double sigma) {
        super(dimension);
        if (!(birthMax > birthMin) || !(persistenceMax > 0) || width < 1 || height < 1 || !(sigma > 0)) {
            throw new IllegalArgumentException("a persistence image needs birthMin < birthMax, persistenceMax > 0, "
                    + "width, height ≥ 1 and σ > 0");
        }
        this.birthMin = birthMin;
        this.birthMax = birthMax;
        this.persistenceMax = persistenceMax;
        this.width = width;
        this.height = height;
        this.sigma = sigma;
    }

    public double birthMin() {
        return birthMin;
    }

    public double birthMax() {
        return birthMax;
    }

    public double persistenceMax() {
        return persistenceMax;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public double[] value(double[] births, double[] deaths) {
        Bars.checkDiagram(births, deaths);
        double[] out = new double[width * height];
        double norm = 1 / (2 * Math.PI * sigma * sigma);
        for (int i = 0; i < births.length; i++) {
            if (!Bars.isFinite(deaths, i)) {
                continue;
            }
            double y = Bars.length(births, deaths, i);
            for (int r = 0; r < height; r++) {
                double gy = gauss(rowCentre(r) - y);
                for (int c = 0; c < width; c++) {
                    out[r * width + c] += norm * y * gy * gauss(columnCentre(c) - births[i]);
                }
            }
        }
        return out;
    }

    @Override
    public void addGradient(double[] births, double[] deaths, double[] upstream, double[] dBirths, double[] dDeaths) {
        Bars.checkDiagram(births, deaths);
        Bars.checkGradient(births, upstream, width * height, dBirths, dDeaths);
        double norm = 1 / (2 * Math.PI * sigma * sigma);
        double inverseVariance = 1 / (sigma * sigma);
        for (int i = 0; i < births.length; i++) {
            if (!Bars.isFinite(deaths, i)) {
                continue;
            }
            double y = Bars.length(births, deaths, i);
            double byX = 0, byY = 0;
            for (int r = 0; r < height; r++) {
                double dy = rowCentre(r) - y;
                double gy = gauss(dy);
                for (int c = 0; c < width; c++) {
                    double dx = columnCentre(c) - births[i];
                    double v = upstream[r * width + c] * norm * gy * gauss(dx);
                    byX += v * y * dx * inverseVariance;
                    byY += v * (1 + y * dy * inverseVariance);
                }
            }
            double slope = Bars.lengthSlope(births, deaths, i);
            dBirths[i] += byX - byY * slope;
            dDeaths[i] += byY * slope;
        }
    }

    private double columnCentre(int c) {
        return birthMin + (c + 0.5) * (birthMax - birthMin) / width;
    }

    private double rowCentre(int r) {
        return (r + 0.5) * persistenceMax / height;
    }

    private double gauss(double d) {
        return Math.exp(-d * d / (2 * sigma * sigma));
    }
}
