import org.nd4j.linalg.api.buffer.DataType;
import org.topolayer.apps.classifier.NetworkClassifier;
import org.topolayer.data.DatasetChoice;
import org.topolayer.data.ImageDataset;

/**
 * Scorer trials behind the generate application's SCORER_SHAPE: a CNN of NetworkClassifier.cnn
 * trained one epoch at a time, its accuracy on the whole test split printed after each epoch, with
 * the images per second of the training. Run with bench/scorer/trials.sh (which compiles it).
 *
 * Arguments: filters1 filters2 dense dropout batch epochs data learningRate maxShift [lastThirdFactor]
 * (lastThirdFactor: the learning rate is multiplied by it in the last third of the epochs; default 1).
 */
public final class ScorerTrials {
    public static void main(String[] a) throws Exception {
        if (a.length < 9) {
            System.err.println("usage: filters1 filters2 dense dropout batch epochs data learningRate maxShift [lastThirdFactor]");
            System.exit(2);
        }
        var shape = new NetworkClassifier.CnnShape(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                Double.parseDouble(a[3]));
        int batch = Integer.parseInt(a[4]), epochs = Integer.parseInt(a[5]), shift = Integer.parseInt(a[8]);
        double rate = Double.parseDouble(a[7]), lastThird = a.length > 9 ? Double.parseDouble(a[9]) : 1;
        ImageDataset.Splits data = DatasetChoice.parse(a[6]).load(60_000, 10_000, 1, line -> { });
        NetworkClassifier net = NetworkClassifier.cnn(28, 28, 10, 5, shape, DataType.FLOAT);
        double seconds = 0;
        for (int e = 1; e <= epochs; e++) {
            double r = e > 2 * epochs / 3 ? rate * lastThird : rate;
            long t = System.nanoTime();
            net.fit(data.train(), new NetworkClassifier.Training(1, batch, r, 6 + e, shift), NetworkClassifier.Progress.SILENT);
            seconds += (System.nanoTime() - t) / 1e9;
            System.out.printf("%s %s lr %.4g epoch %d: %d images seen, %.0f images/s, test accuracy %.4f%n", a[6],
                    shape.describe(), r, e, (long) e * data.train().size(), e * data.train().size() / seconds,
                    net.accuracy(data.test().images(), data.test().labels()));
        }
    }
}
