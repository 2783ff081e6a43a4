package org.quantcourse.qat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.quantcourse.compress.WeightLayout;
import org.quantcourse.dl4jfix.Dl4jFixes;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns a trained FP32 network into its quantization-aware twin: every quantizable layer gets the spec's weight
 * projection ({@link QatWeights}, DL4J's weight hook), a {@link FakeQuantActivation} follows every hidden layer when
 * the spec quantizes activations (range calibrated with min-max on the FP32 network's activations of
 * {@code calibration}), the parameters are copied, every layer gets {@code updater}, and {@link QatGradients} is
 * attached. The FP32 network is not changed. Used in notebooks 11 and 12.
 */
public final class QatNetwork {

    private QatNetwork() {
    }

    /** The QAT twin of {@code fp32} under {@code spec}, trained next with {@code updater}. */
    public static MultiLayerNetwork prepare(MultiLayerNetwork fp32, QatSpec spec, INDArray calibration,
            IUpdater updater) {
        if (fp32 == null || spec == null || updater == null) {
            throw new IllegalArgumentException("pass the trained network, a QatSpec and an updater (e.g. Updaters.adam(5e-4))");
        }
        if (spec.activationBits() > 0 && calibration == null) {
            throw new IllegalArgumentException("quantized activations need calibration images to set their ranges,"
                    + " e.g. data.train().limit(1000).features()");
        }
        MultiLayerConfiguration conf = fp32.getLayerWiseConfigurations().clone();
        List<float[]> ranges = spec.activationBits() > 0 ? activationRanges(fp32, calibration) : List.of();
        List<NeuralNetConfiguration> layers = new ArrayList<>();
        Map<Integer, InputPreProcessor> preProcessors = new HashMap<>();
        int[] newIndex = new int[conf.getConfs().size()];
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layer = conf.getConf(i);
            newIndex[i] = layers.size();
            if (conf.getInputPreProcess(i) != null) {
                preProcessors.put(newIndex[i], conf.getInputPreProcess(i));
            }
            configureWeights(layer.getLayer(), i, spec, fp32.getLayer(i), updater);
            layers.add(layer);
            if (!ranges.isEmpty() && i < conf.getConfs().size() - 1) {
                layers.add(activationSite(layer, spec, ranges.get(i)));
            }
        }
        conf.setConfs(layers);
        conf.setInputPreProcessors(preProcessors);
        conf.setIterationCount(0);
        conf.setEpochCount(0);
        MultiLayerNetwork qat = Dl4jFixes.initialized(conf, true);
        copyParameters(fp32, qat, newIndex);
        return QatGradients.attachTo(qat);
    }

    /** The index of the layer named {@code layerName} (activation sites shift the layers after them). */
    public static int indexOf(MultiLayerNetwork qat, String layerName) {
        for (int i = 0; i < qat.getnLayers(); i++) {
            if (layerName.equals(qat.getLayer(i).conf().getLayer().getLayerName())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named " + layerName + " in this network");
    }

    /** The weight projections of a QAT network, layer by layer (empty where a layer has none). */
    public static List<Optional<QatWeights>> projections(MultiLayerNetwork net) {
        List<Optional<QatWeights>> out = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            out.add(conf instanceof BaseLayer base && base.getWeightNoise() instanceof QatWeights w
                    ? Optional.of(w) : Optional.empty());
        }
        return out;
    }

    /** One row per layer of a QAT network: its name and what its forward pass computes with. */
    public static Table summary(MultiLayerNetwork qat) {
        Table table = Table.create("the QAT network", StringColumn.create("layer"), StringColumn.create("forward pass"));
        List<Optional<QatWeights>> projections = projections(qat);
        for (int i = 0; i < qat.getnLayers(); i++) {
            Layer conf = qat.getLayer(i).conf().getLayer();
            String forward = conf instanceof FakeQuantActivation site ? site.toString()
                    : projections.get(i).map(QatWeights::describe).orElse(WeightLayout.of(conf).isPresent()
                            ? "FP32 weights" : "no weights");
            table.stringColumn("layer").append(conf.getLayerName());
            table.stringColumn("forward pass").append(forward);
        }
        return table;
    }

    /** The deployed network: {@code qat} without activation sites or hooks, each weight replaced by its projection. */
    public static MultiLayerNetwork projectedWeights(MultiLayerNetwork qat) {
        return withoutHooks(qat, true);
    }

    /** The trained float ("latent") weights of {@code qat} in a plain network, e.g. for {@code ModelQuantizer}. */
    public static MultiLayerNetwork latentWeights(MultiLayerNetwork qat) {
        return withoutHooks(qat, false);
    }

    private static MultiLayerNetwork withoutHooks(MultiLayerNetwork qat, boolean project) {
        MultiLayerConfiguration conf = qat.getLayerWiseConfigurations().clone();
        List<NeuralNetConfiguration> layers = new ArrayList<>();
        Map<Integer, InputPreProcessor> preProcessors = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof FakeQuantActivation) {
                continue;
            }
            if (conf.getInputPreProcess(i) != null) {
                preProcessors.put(layers.size(), conf.getInputPreProcess(i));
            }
            if (layer instanceof BaseLayer base) {
                base.setWeightNoise(null);
            }
            kept.add(i);
            layers.add(conf.getConf(i));
        }
        conf.setConfs(layers);
        conf.setInputPreProcessors(preProcessors);
        MultiLayerNetwork plain = Dl4jFixes.initialized(conf, true);
        List<Optional<QatWeights>> projections = projections(qat);
        for (int j = 0; j < kept.size(); j++) {
            copyLayer(qat, kept.get(j), plain, j, project ? projections.get(kept.get(j)) : Optional.empty());
        }
        return plain;
    }

    private static void copyLayer(MultiLayerNetwork from, int i, MultiLayerNetwork to, int j,
            Optional<QatWeights> projection) {
        for (Map.Entry<String, INDArray> p : from.getLayer(i).paramTable().entrySet()) {
            INDArray value = p.getValue();
            if (QatWeights.WEIGHT_KEY.equals(p.getKey()) && projection.isPresent()) {
                value = projection.get().project(value);
            }
            to.getLayer(j).getParam(p.getKey()).assign(value);
        }
    }

    private static void configureWeights(Layer layer, int index, QatSpec spec,
            org.deeplearning4j.nn.api.Layer trained, IUpdater updater) {
        if (layer instanceof BaseLayer base) {
            base.setIUpdater(updater.clone());
            Optional<WeightLayout> layout = WeightLayout.of(layer);
            if (layout.isPresent()) {
                INDArray weights = trained.getParam(QatWeights.WEIGHT_KEY);
                base.setWeightNoise(spec.projectionFor(index, layout.get(), weights).orElse(null));
            }
        }
    }

    private static NeuralNetConfiguration activationSite(NeuralNetConfiguration after, QatSpec spec, float[] range) {
        NeuralNetConfiguration site = after.clone();
        String name = after.getLayer().getLayerName() + "-act" + spec.activationBits();
        site.setLayer(FakeQuantActivation.of(name, spec.activationBits(), range[0], range[1], spec.steMode()));
        return site;
    }

    /** Per hidden layer, {@code [min(0, min), max]} of its FP32 output on {@code calibration}. */
    static List<float[]> activationRanges(MultiLayerNetwork fp32, INDArray calibration) {
        List<INDArray> activations = fp32.feedForward(calibration, false);
        List<float[]> ranges = new ArrayList<>();
        for (int i = 1; i < activations.size(); i++) {
            INDArray a = activations.get(i);
            float max = a.maxNumber().floatValue();
            float min = Math.min(0f, a.minNumber().floatValue());
            ranges.add(new float[] {min, max > min ? max : min + 1e-6f});
        }
        return ranges;
    }

    private static void copyParameters(MultiLayerNetwork from, MultiLayerNetwork to, int[] newIndex) {
        for (int i = 0; i < newIndex.length; i++) {
            copyLayer(from, i, to, newIndex[i], Optional.empty());
        }
    }
}
