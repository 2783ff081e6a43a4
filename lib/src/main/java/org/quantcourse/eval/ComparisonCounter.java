package org.quantcourse.eval;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Accumulates the sums behind {@link ModelComparison} over batches of two models' predictions. */
final class ComparisonCounter {

    private long samples;
    private long classes = -1;
    private double crossEntropySum;
    private double entropySum;
    private double klSum;
    private double squaredErrorSum;
    private long agreements;
    private long referenceCorrect;
    private long candidateCorrect;

    /** Adds one batch: both models' probabilities {@code [b, C]} and one-hot labels {@code [b, C]}. */
    void add(INDArray reference, INDArray candidate, INDArray labels) {
        if (labels.size(0) == 0) {
            return;
        }
        INDArray pRef = Probabilities.requireRows(reference, labels.size(0), "the reference model's predictions");
        INDArray pCand = Probabilities.requireRows(candidate, labels.size(0), "the candidate model's predictions");
        requireSameClasses(pRef.columns(), pCand.columns());
        INDArray y = OneHotLabels.require(labels, pRef.rows(), pRef.columns());
        addDivergences(pRef, pCand);
        addArgMaxCounts(Probabilities.argMaxRows(y), Probabilities.argMaxRows(pRef), Probabilities.argMaxRows(pCand));
        samples += y.rows();
    }

    /** The comparison so far; fails if no sample was added. */
    ModelComparison result() {
        DataPass.requireSamples(samples);
        double n = samples;
        return new ModelComparison((int) samples, crossEntropySum / n, squaredErrorSum / (n * classes),
                Math.max(0, klSum / n), entropySum / n, agreements / n, referenceCorrect / n, candidateCorrect / n);
    }

    private void addDivergences(INDArray pRef, INDArray pCand) {
        INDArray logRef = Probabilities.clippedLog(pRef);
        INDArray logCand = Probabilities.clippedLog(pCand);
        crossEntropySum -= pRef.mul(logCand).sumNumber().doubleValue();
        entropySum -= pRef.mul(logRef).sumNumber().doubleValue();
        klSum += pRef.mul(logRef.sub(logCand)).sumNumber().doubleValue();
        INDArray difference = pRef.sub(pCand);
        squaredErrorSum += difference.muli(difference).sumNumber().doubleValue();
    }

    private void addArgMaxCounts(int[] truth, int[] reference, int[] candidate) {
        for (int i = 0; i < truth.length; i++) {
            agreements += reference[i] == candidate[i] ? 1 : 0;
            referenceCorrect += reference[i] == truth[i] ? 1 : 0;
            candidateCorrect += candidate[i] == truth[i] ? 1 : 0;
        }
    }

    private void requireSameClasses(long referenceClasses, long candidateClasses) {
        if (referenceClasses != candidateClasses) {
            throw new IllegalArgumentException("the reference model outputs " + referenceClasses
                    + " classes but the candidate outputs " + candidateClasses
                    + "; compare models with the same output layer size");
        }
        if (classes >= 0 && classes != referenceClasses) {
            throw new IllegalArgumentException("batches disagree on the number of classes: " + classes
                    + " then " + referenceClasses);
        }
        classes = referenceClasses;
    }
}
