package org.quantcourse.qat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Appends the teacher's logits to each batch's one-hot labels, {@code [batch, K] → [batch, 2K]}, as
 * {@link DistillationLossFunction} reads them: one teacher forward pass per batch. Used in notebook 13.
 */
final class TeacherTargets implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final transient MultiLayerNetwork teacher;

    TeacherTargets(MultiLayerNetwork teacher) {
        this.teacher = teacher;
    }

    @Override
    public void preProcess(DataSet batch) {
        INDArray logits = logits(teacher, batch.getFeatures());
        batch.setLabels(Nd4j.hstack(batch.getLabels().castTo(logits.dataType()), logits));
    }

    /** {@code x W + b} of {@code net}'s output layer: its logits, before the softmax. */
    static synchronized INDArray logits(MultiLayerNetwork net, INDArray features) {
        int last = net.getnLayers() - 1;
        Layer output = net.getLayer(last);
        if (!(output instanceof BaseOutputLayer<?>)) {
            throw new IllegalArgumentException("the teacher must end with a dense output layer, got " + output.getClass());
        }
        INDArray x = net.feedForwardToLayer(last - 1, features, false).get(last);
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(last);
        INDArray in = pre == null ? x : pre.preProcess(x, (int) x.size(0), LayerWorkspaceMgr.noWorkspaces());
        return in.mmul(output.getParam("W")).addiRowVector(output.getParam("b")).detach();
    }
}
