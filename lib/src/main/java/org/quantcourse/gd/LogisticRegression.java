package org.quantcourse.gd;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary logistic regression written from scratch on ND4J: {@code p = sigmoid(X·w + b)}, trained on the mean
 * binary cross-entropy. Immutable: every update returns a new model. Used in notebook 03.
 *
 * <p>The flat parameter vector is {@code [w_1 … w_d, b]} as a row {@code [1, d+1]}, the same layout as the
 * parameters of a DL4J {@code OutputLayer(nIn=d, nOut=1)}, so the two can be copied into each other.
 */
public final class LogisticRegression {

    private final INDArray weights;
    private final float bias;

    private LogisticRegression(INDArray weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** A model with all weights and the bias at zero. Used in notebook 03. */
    public static LogisticRegression zeros(int dimension) {
        requirePositiveDimension(dimension);
        return new LogisticRegression(Nd4j.zeros(DataType.FLOAT, dimension, 1), 0f);
    }

    /** A model with seeded Gaussian weights of standard deviation {@code scale} and a zero bias. Used in notebook 03. */
    public static LogisticRegression random(int dimension, double scale, long seed) {
        requirePositiveDimension(dimension);
        Random random = new Random(seed);
        float[] w = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            w[i] = (float) (scale * random.nextGaussian());
        }
        return new LogisticRegression(Nd4j.create(w, new long[] {dimension, 1}, DataType.FLOAT), 0f);
    }

    /** A model from a flat parameter vector {@code [w_1 … w_d, b]} of length d+1 (any shape). */
    public static LogisticRegression fromParams(INDArray params) {
        if (params == null || params.length() < 2) {
            throw new IllegalArgumentException("parameters must hold d weights then the bias (length >= 2), got "
                    + (params == null ? "null" : "length " + params.length()));
        }
        INDArray flat = params.castTo(DataType.FLOAT).reshape(params.length());
        int d = (int) params.length() - 1;
        INDArray w = flat.get(NDArrayIndex.interval(0, d)).reshape(d, 1).dup();
        return new LogisticRegression(w, flat.getFloat(d));
    }

    /** Number of input features d. */
    public int dimension() {
        return (int) weights.rows();
    }

    /** A copy of the weights as a column {@code [d, 1]}. */
    public INDArray weights() {
        return weights.dup();
    }

    /** The bias b. */
    public double bias() {
        return bias;
    }

    /** A copy of the parameters as a row {@code [1, d+1]}: the weights, then the bias. */
    public INDArray params() {
        INDArray params = Nd4j.zeros(DataType.FLOAT, 1, dimension() + 1);
        params.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, dimension())).assign(weights.reshape(dimension()));
        params.putScalar(0, dimension(), bias);
        return params;
    }

    /** The model with these parameters (same layout as {@link #params()}); the dimension must not change. */
    public LogisticRegression withParams(INDArray params) {
        if (params == null || params.length() != dimension() + 1) {
            throw new IllegalArgumentException("expected " + (dimension() + 1) + " parameters (" + dimension()
                    + " weights + bias), got " + (params == null ? "null" : String.valueOf(params.length())));
        }
        return fromParams(params);
    }

    /** The logits {@code z = X·w + b} as {@code [n, 1]}. */
    public INDArray logits(INDArray features) {
        requireWidth(features);
        return features.castTo(DataType.FLOAT).mmul(weights).addi(bias);
    }

    /** The predicted probabilities of class 1, {@code sigmoid(X·w + b)}, as {@code [n, 1]}. Used in notebook 03. */
    public INDArray probabilities(INDArray features) {
        return Transforms.sigmoid(logits(features), false);
    }

    /** The predicted classes (1 where the probability is at least 0.5, else 0) as FLOAT {@code [n, 1]}. */
    public INDArray predict(INDArray features) {
        return logits(features).gte(0).castTo(DataType.FLOAT);
    }

    /**
     * The mean binary cross-entropy in nats, computed from the logits without clipping:
     * {@code mean(max(z,0) − y·z + log(1 + exp(−|z|)))}. Used in notebook 03.
     */
    public double loss(BinaryProblem data) {
        INDArray z = logits(data.features());
        INDArray softplus = Transforms.log1p(Transforms.exp(Transforms.abs(z, true).negi(), false), false);
        INDArray perSample = Transforms.relu(z, true).subi(data.labels().mul(z)).addi(softplus);
        return perSample.meanNumber().doubleValue();
    }

    /**
     * The gradient of {@link #loss} with respect to {@link #params()}, as {@code [1, d+1]}:
     * {@code [Xᵀ(p − y)/n, mean(p − y)]} — divided by the batch size like DL4J's {@code miniBatch(true)}.
     */
    public INDArray gradient(BinaryProblem data) {
        INDArray error = probabilities(data.features()).subi(data.labels());
        long n = error.rows();
        INDArray gradWeights = data.features().transpose().mmul(error).divi(n);
        INDArray gradient = Nd4j.zeros(DataType.FLOAT, 1, dimension() + 1);
        gradient.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, dimension())).assign(gradWeights.reshape(dimension()));
        gradient.putScalar(0, dimension(), error.meanNumber().floatValue());
        return gradient;
    }

    /** The fraction of samples whose predicted class equals the label. Used in notebook 03. */
    public double accuracy(BinaryProblem data) {
        INDArray correct = predict(data.features()).eq(data.labels()).castTo(DataType.FLOAT);
        return correct.meanNumber().doubleValue();
    }

    @Override
    public String toString() {
        return "LogisticRegression[d=" + dimension() + ", |w|=" + weights.norm2Number() + ", b=" + bias + "]";
    }

    private void requireWidth(INDArray features) {
        if (features == null || features.rank() != 2 || features.columns() != dimension()) {
            throw new IllegalArgumentException("features must have shape [n, " + dimension() + "], got "
                    + (features == null ? "null" : Arrays.toString(features.shape())));
        }
    }

    private static void requirePositiveDimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
    }
}
