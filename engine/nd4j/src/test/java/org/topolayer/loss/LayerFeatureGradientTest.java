package org.topolayer.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.topolayer.features.BarcodePolyFeature;
import org.topolayer.features.BettiCurve;
import org.topolayer.features.DiagramFeature;
import org.topolayer.features.PartialSumBarcodeLengths;
import org.topolayer.features.PersistenceEntropy;
import org.topolayer.features.PersistenceImage;
import org.topolayer.features.PersistenceLandscape;
import org.topolayer.features.SumBarcodeLengths;
import org.topolayer.features.TopKBarcodeLengths;
import org.topolayer.features.TotalPersistence;
import org.topolayer.features.WassersteinLoss;
import org.topolayer.filtration.LevelSet;
import org.topolayer.layer.AlphaLayer;
import org.topolayer.layer.GridLevelSetLayer;
import org.topolayer.layer.LayerCases;
import org.topolayer.layer.PersistenceLayer;
import org.topolayer.layer.RipsLayer;

/** dL/d(input) of every layer × feature, and of a weighted sum over two layers, against finite differences. */
class LayerFeatureGradientTest {

    static Stream<Arguments> layerFeaturePairs() {
        List<Arguments> out = new ArrayList<>();
        LayerCases.all().forEach(c -> {
            PersistenceLayer layer = (PersistenceLayer) c.get()[1];
            for (DiagramFeature f : featuresOf(Math.min(1, layer.maxDimension()))) {
                out.add(Arguments.of(c.get()[0] + " × " + f.getClass().getSimpleName(), layer, c.get()[2], f));
            }
        });
        return out.stream();
    }

    static List<DiagramFeature> featuresOf(int dim) {
        double[] grid = {0.05, 0.2, 0.4, 0.6};
        return List.of(new SumBarcodeLengths(dim), new TopKBarcodeLengths(dim, 3), new PartialSumBarcodeLengths(dim, 1),
                new BarcodePolyFeature(dim, 2, 1, true), new TotalPersistence(dim, 1.5), new PersistenceEntropy(dim),
                new BettiCurve(dim, grid, 0.1), new PersistenceLandscape(dim, 2, grid),
                new PersistenceImage(dim, 0, 1, 1, 3, 3, 0.3),
                new WassersteinLoss(dim, new double[] {0.1, 0.3}, new double[] {0.5, 0.35}, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerFeaturePairs")
    void inputGradientMatchesFiniteDifferences(String name, PersistenceLayer layer, int[] shape, DiagramFeature f) {
        check(layer, TopologicalLoss.of(List.of(new TopologicalLoss.Term(layer, f, 0.7))), shape, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compositions")
    void weightedSumsOverLayersMatchFiniteDifferences(String name, TopologicalLoss loss, int[] shape) {
        check(loss.terms().get(0).layer(), loss, shape, name);
    }

    static Stream<Arguments> compositions() {
        PersistenceLayer sub = GridLevelSetLayer.image(1, LevelSet.SUBLEVEL);
        PersistenceLayer sup = GridLevelSetLayer.image(1, LevelSet.SUPERLEVEL);
        PersistenceLayer weak = AlphaLayer.weak(1), exact = AlphaLayer.exact(1);
        return Stream.of(
                Arguments.of("image sub + superlevel", TopologicalLoss.of(List.of(
                        new TopologicalLoss.Term(sub, new TopKBarcodeLengths(0, 3), -1),
                        new TopologicalLoss.Term(sub, new SumBarcodeLengths(1), 0.5),
                        new TopologicalLoss.Term(sup, new PartialSumBarcodeLengths(0, 1), 2))), new int[] {7, 6}),
                Arguments.of("weak + exact alpha", TopologicalLoss.of(List.of(
                        new TopologicalLoss.Term(weak, new SumBarcodeLengths(0), 1),
                        new TopologicalLoss.Term(exact, new BarcodePolyFeature(1, 1, 1, true), 3))), new int[] {15, 2}),
                Arguments.of("rips + weak alpha", TopologicalLoss.of(List.of(
                        new TopologicalLoss.Term(RipsLayer.ofPoints(1), new TopKBarcodeLengths(1, 2), 1),
                        new TopologicalLoss.Term(weak, new PartialSumBarcodeLengths(0, 2), -1))), new int[] {15, 2}));
    }

    /** FD check of a loss whose layers all take inputs like {@code layer}'s. */
    private static void check(PersistenceLayer layer, TopologicalLoss loss, int[] shape, String name) {
        for (long seed = 1; seed <= 2; seed++) {
            double[] x = LayerCases.input(layer, shape, seed);
            TopologicalLoss.Result r = loss.evaluate(x, shape);
            LayerCases.checkGradient(layer, y -> loss.evaluate(y, shape).value(), x, shape, r.gradient(), 24,
                    name + " seed " + seed);
        }
    }
}
