package org.topolayer.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureSpecTest {
    private final double[] births = {0, 0.5, 1};
    private final double[] deaths = {1, 2, 1.25};

    @Test
    void parsesEveryFeature() {
        FeatureSpec sum = FeatureSpec.parse("sum:dim=1");
        assertInstanceOf(SumBarcodeLengths.class, sum.feature());
        assertEquals(1, sum.feature().dimension());
        assertEquals(1, sum.weight());
        assertEquals(0, FeatureSpec.parse("sum").feature().dimension());
        FeatureSpec topk = FeatureSpec.parse("topk:dim=0,k=2,weight=-0.5");
        assertInstanceOf(TopKBarcodeLengths.class, topk.feature());
        assertArrayEquals(new double[] {1.5, 1}, topk.feature().value(births, deaths));
        assertEquals(-0.5, topk.weight());
        assertInstanceOf(PartialSumBarcodeLengths.class, FeatureSpec.parse("partialsum:skip=1").feature());
        FeatureSpec poly = FeatureSpec.parse("poly:p=2, q=1");
        assertInstanceOf(BarcodePolyFeature.class, poly.feature());
        assertEquals(new BarcodePolyFeature(0, 2, 1, true).value(births, deaths)[0], poly.feature().value(births, deaths)[0]);
    }

    @Test
    void everyFeatureRendersBackToTheSpecThatParsesToIt() {
        for (String spec : new String[] {"sum:dim=1", "topk:dim=0,k=2", "partialsum:dim=0,skip=0",
            "poly:dim=1,p=2,q=0.5", "energy:dim=0,p=2,q=1,skip=3", "paper:dim=0,p=1,q=0,i0=2",
            "landscape:dim=1,levels=2,min=0,max=1.5,steps=4", "image:dim=0,bmin=0,bmax=1,pmax=0.5,size=3,sigma=0.1"}) {
            FeatureSpec parsed = FeatureSpec.parse(spec);
            assertEquals(spec, FeatureSpec.render(parsed.feature()));
            assertEquals(spec + ",weight=-2", FeatureSpec.render(parsed.feature(), -2));
        }
        assertEquals("partialsum:dim=0,skip=3", FeatureSpec.render(new PartialSumBarcodeLengths(0, 3)));
        assertEquals("poly:dim=0,p=2,q=0", FeatureSpec.render(new TotalPersistence(0, 2)));
        assertEquals("poly:dim=1,p=2,q=0", FeatureSpec.render(new BarcodePolyFeature(1, 2, 0, false)));
        String none = assertThrows(IllegalArgumentException.class,
                () -> FeatureSpec.render(new PersistenceEntropy(0))).getMessage();
        assertTrue(none.startsWith("no spec spelling for PersistenceEntropy"), none);
        PaperEnergy top2 = (PaperEnergy) FeatureSpec.parse("paper:p=1,q=0,i0=4").feature();
        assertEquals(4, top2.i0());
        assertMessage("feature 'paper:p=1,q=0,i0=0': i0 counts bars from 1, got 0", "paper:p=1,q=0,i0=0");
    }

    @Test
    void badSpecsNameTheProblem() {
        assertMessage("feature 'max:dim=0': unknown feature 'max'", "max:dim=0");
        assertMessage("feature 'topk:dim=0': missing k=...", "topk:dim=0");
        assertMessage("feature 'sum:k=3': unknown key 'k'; this feature takes dim, weight", "sum:k=3");
        assertMessage("feature 'topk:k=x': k must be an integer, got 'x'", "topk:k=x");
        assertMessage("feature 'topk:k=0': k must be ≥ 1, got 0", "topk:k=0");
        assertMessage("feature 'sum:dim=0,dim=1': key 'dim' given twice", "sum:dim=0,dim=1");
        assertMessage("feature 'sum:dim': 'dim' is not key=value", "sum:dim");
        assertMessage("feature 'sum:weight=Infinity': weight must be finite", "sum:weight=Infinity");
    }

    private static void assertMessage(String expected, String spec) {
        String message = assertThrows(IllegalArgumentException.class, () -> FeatureSpec.parse(spec)).getMessage();
        assertTrue(message.startsWith(expected), message);
    }
}
