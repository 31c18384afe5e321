package org.topolayer.spark.train;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.topolayer.nn.MlpNetwork;
import org.topolayer.spark.BadJobInputException;
import org.topolayer.spark.io.Sample;

/**
 * An autoencoder with a topological regularizer on its reconstructions ({@link ReconstructionLoss}):
 * a dense network inputs → hidden (LeakyReLU) → inputs (tanh), trained on the input images.
 */
final class AutoencoderWorkload implements Workload {
    private final JavaRDD<Sample> samples;
    private final TrainedNetwork network;
    private final ReconstructionLoss loss;

    /**
     * @param images the input, indexed here; every sample must be readable and of the first one's size
     */
    AutoencoderWorkload(JavaRDD<Sample> images, int hidden, ReconstructionLoss loss, long seed, double learningRate,
                        double beta1) {
        List<Sample> first = images.take(1);
        if (first.isEmpty()) {
            throw new BadJobInputException("the input has no samples; check --input");
        }
        this.samples = images.zipWithIndex().map(indexed -> {
            Sample s = indexed._1();
            if (s.getValues() == null) {
                throw unreadable(s);
            }
            return new Sample(indexed._2(), s.getLabel(), s.getValues(), s.getShape());
        });
        if (first.get(0).getValues() == null) {
            throw unreadable(first.get(0));
        }
        int inputs = first.get(0).getValues().length;
        this.network = new TrainedNetwork("autoencoder", new MlpNetwork(new int[] {inputs, hidden, inputs},
                MlpNetwork.Output.TANH, seed), learningRate, beta1);
        this.loss = loss;
    }

    private static BadJobInputException unreadable(Sample s) {
        return new BadJobInputException("sample " + s.getId() + " could not be read (" + s.getError()
                + "); fix or remove it from --input");
    }

    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public JavaRDD<Sample> samples() {
        return samples;
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(network);
    }

    @Override
    public BatchGradient gradient() {
        return loss;
    }
}
