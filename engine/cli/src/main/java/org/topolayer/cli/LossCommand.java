package org.topolayer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.topolayer.features.FeatureSpec;
import org.topolayer.io.ArrayWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topo loss} (contract): a topological loss Σ weight × (sum of the feature's entries) of an
 * input's diagrams, printed alone on the first line of stdout in full precision, and optionally
 * dL/d(input) written in the input's format and shape.
 */
@Command(name = "loss", sortOptions = false,
        description = {
            "Evaluate a topological loss of an image, a point cloud or a complex, and its gradient.",
            "Prints the loss value alone on the first line of stdout (full precision)."},
        footer = {
            "%nFeatures (TopologyLayer's, on the H<dim> diagram; infinite bars are left out):",
            "  sum:dim=D                  sum of bar lengths |death - birth|",
            "  topk:dim=D,k=K             the K longest bar lengths (zero-padded)",
            "  partialsum:dim=D,skip=S    sum of lengths without the S longest bars",
            "  poly:dim=D,p=P,q=Q         sum of length^P * ((birth + death)/2)^Q",
            "  energy:dim=D,p=P,q=Q,skip=S  poly without the S longest bars",
            "The paper's E(p,q,i0), bars counted from 1, longest first, essential (infinite) bars first:",
            "  paper:dim=D,p=P,q=Q,i0=I   e.g. paper:dim=0,p=1,q=0,i0=2 = every finite H0 bar",
            "                             (= partialsum:dim=0,skip=0); refused when i0 counts an essential bar",
            "Also landscape:dim,levels,min,max,steps and image:dim,bmin,bmax,pmax,size,sigma.",
            "  Every feature takes weight=W (default 1); dim defaults to 0.",
            "  The loss is the sum over features of weight x (sum of the feature's entries).",
            "%nGradient output: dL/d(input) with the input's shape: CSV rows for text, PNG and PGM",
            "inputs, float64 .npy for .npy inputs; for --filtration complex, one value per vertex",
            "(like --values).",
            "%nExamples:",
            "  topo loss --filtration levelset --input example:ring --superlevel \\",
            "      --feature partialsum:dim=0,skip=1 --gradient-output grad.csv",
            "  topo loss --filtration rips --input points.csv --feature topk:dim=1,k=2,weight=-1",
            "%nExit codes: 0 success; 1 bad input (one line on stderr naming the file);",
            "2 bad options."})
final class LossCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @ArgGroup(exclusive = false, multiplicity = "1")
    FiltrationSource source;

    @Mixin
    FiltrationOptions filtration;

    @Option(names = "--feature", required = true, paramLabel = "SPEC",
            description = "A weighted feature, NAME:key=value,... (see Features below); repeat for a sum.")
    List<String> features;

    @Option(names = "--gradient-output", paramLabel = "FILE",
            description = "Also write dL/d(input) to FILE, in the input's format and shape (all at once).")
    Path gradientOutput;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        DiagramRequest request = filtration.request(source);
        List<FeatureSpec> specs = checkedFeatures(request.maxDimension());
        LossComputation.Outcome outcome = LossComputation.run(request, specs);
        if (gradientOutput != null) {
            if (outcome.npy()) {
                ArrayWriter.writeNpy(gradientOutput, outcome.gradient(), outcome.storedShape());
            } else {
                ArrayWriter.writeText(gradientOutput, outcome.gradient(), outcome.storedShape());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Double.toString(outcome.value()));
        out.flush();
        return ExitCode.OK;
    }

    /** Parsed specs; a bad spec or one reading a dimension above --maxdim is a usage error. */
    private List<FeatureSpec> checkedFeatures(int maxDimension) {
        List<FeatureSpec> specs = new ArrayList<>();
        for (String text : features) {
            FeatureSpec f;
            try {
                f = FeatureSpec.parse(text);
            } catch (IllegalArgumentException e) {
                throw filtration.usageError("--feature: " + e.getMessage());
            }
            if (f.feature().dimension() > maxDimension) {
                throw filtration.usageError("--feature " + text + " reads H" + f.feature().dimension() + " but --maxdim is "
                        + maxDimension + "; raise --maxdim");
            }
            specs.add(f);
        }
        return specs;
    }

}
