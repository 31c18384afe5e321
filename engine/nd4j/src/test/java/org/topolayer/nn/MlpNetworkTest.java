package org.topolayer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link MlpNetwork} without batch normalisation: flat parameters, seeded init, gradients. */
class MlpNetworkTest {
    @Test
    void parametersRoundTripAsFlatArraysAndInitIsSeeded() {
        MlpNetwork a = new MlpNetwork(new int[] {5, 7, 3}, MlpNetwork.Output.TANH, 42);
        float[] flat = a.parameters();
        assertEquals(5 * 7 + 7 + 7 * 3 + 3, flat.length);
        assertArrayEquals(flat, new MlpNetwork(new int[] {5, 7, 3}, MlpNetwork.Output.TANH, 42).parameters());
        MlpNetwork b = MlpNetwork.of(a.sizes(), a.outputActivation(), flat);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5);
        assertArrayEquals(Nd4j.toFlattened(a.output(x)).toFloatVector(), Nd4j.toFlattened(b.output(x)).toFloatVector(), 0f);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        MlpNetwork net = new MlpNetwork(new int[] {4, 6, 3}, MlpNetwork.Output.TANH, 3);
        // a fixed batch: an unseeded one put a hidden pre-activation within h of LeakyReLU's kink now
        // and then (dL/dθ[9] off by a third in one full build), where central differences are wrong
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4).subi(0.5);
        INDArray g = Nd4j.rand(DataType.FLOAT, 2, 3).subi(0.5);
        MlpNetwork.Gradients grads = net.backward(x, g);
        double h = 2e-3; // float32: a smaller h meets a kink less often, at 1e-4 rounding error in the quotient
        assertParameterGradient(net, x, g, grads, h, 3, 2e-3);
        INDArray xp = x.dup(), xm = x.dup();
        xp.putScalar(1, 2, x.getDouble(1, 2) + h);
        xm.putScalar(1, 2, x.getDouble(1, 2) - h);
        double numeric = (net.output(xp).mul(g).sumNumber().doubleValue() - net.output(xm).mul(g).sumNumber().doubleValue()) / (2 * h);
        assertEquals(numeric, grads.input().getDouble(1, 2), 2e-3, "dL/dx");
    }

    /**
     * Checks every {@code stride}-th entry of d(Σ g·output(x))/dθ against central differences of step h
     * (float32 parameters: h and the tolerance are the caller's).
     */
    static void assertParameterGradient(MlpNetwork net, INDArray x, INDArray g, MlpNetwork.Gradients grads, double h,
                                        int stride, double tolerance) {
        float[] p = net.parameters();
        for (int k = 0; k < p.length; k += stride) {
            float original = p[k];
            p[k] = (float) (original + h);
            net.setParameters(p);
            double plus = net.output(x).mul(g).sumNumber().doubleValue();
            p[k] = (float) (original - h);
            net.setParameters(p);
            double minus = net.output(x).mul(g).sumNumber().doubleValue();
            p[k] = original;
            net.setParameters(p);
            assertEquals((plus - minus) / (2 * h), grads.parameters().getDouble(k), tolerance, "dL/dθ[" + k + "]");
        }
    }
}
