package org.quantcourse.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.Predictor;

/** One call of {@link Trainer#fit}: the epoch loop and its running counters. */
final class TrainingRun {

    private final Trainer trainer;
    private final MultiLayerNetwork net;
    private final DataSetIterator train;
    private final DataSetIterator test;
    private final BatchCheck check;
    private final List<EpochResult> results = new ArrayList<>();
    /** Known after the first epoch (DL4J iterators do not announce their size); until then the ETA is unknown. */
    private long examplesPerEpoch;
    private long imagesDone;
    private double trainingSeconds;
    private boolean interrupted;

    TrainingRun(Trainer trainer, MultiLayerNetwork net, DataSetIterator train, DataSetIterator test) {
        this.trainer = trainer;
        this.net = net;
        this.train = train;
        this.test = test;
        long classes = net.layerSize(net.getnLayers() - 1);
        this.check = new BatchCheck(InputShapes.perExample(InputShapes.expected(net.getLayerWiseConfigurations())),
                classes, AugmentedLabels.columns(net, classes));
    }

    TrainingHistory execute() {
        try {
            Nd4j.getRandom().setSeed(trainer.seed());
            for (int epoch = 0; epoch < trainer.epochs() && !interrupted; epoch++) {
                runEpoch(epoch);
            }
            TrainingHistory history = TrainingHistory.of(results, trainer.epochs(), interrupted,
                    trainer.measuresTrainAccuracy(), test != null);
            trainer.listeners().forEach(l -> l.onEnd(history));
            return history;
        } catch (RuntimeException | Error e) {
            trainer.listeners().forEach(l -> l.onFailure(e));
            throw e;
        }
    }

    private void runEpoch(int epoch) {
        double rate = applyRate(epoch);
        reset(train, epoch);
        Rebatcher batches = new Rebatcher(train, trainer.batchSize());
        long start = System.nanoTime();
        int batch = 0;
        long images = 0;
        double lossSum = 0;
        for (DataSet ds; (ds = nextBatch(batches)) != null; ) {
            batch++;
            check.check(ds, "batch " + batch + " of epoch " + (epoch + 1));
            net.fit(ds);
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(epoch + 1, batch, loss, rate);
            }
            lossSum += loss * ds.numExamples();
            images += ds.numExamples();
            report(epoch, batch, lossSum / images, images, start);
        }
        if (interrupted) {
            return;
        }
        finishEpoch(epoch, batch, images, lossSum / Math.max(1, images), rate, seconds(start));
    }

    private void finishEpoch(int epoch, int batches, long images, double loss, double rate, double seconds) {
        if (batches == 0) {
            throw new IllegalArgumentException("The training iterator gave no examples in epoch " + (epoch + 1)
                    + ". Check that the dataset is not empty and that the iterator can be reset.");
        }
        examplesPerEpoch = images;
        trainingSeconds += seconds;
        imagesDone += images;
        double trainAccuracy = trainer.measuresTrainAccuracy() && !stopRequested() ? accuracy(train) : Double.NaN;
        double testAccuracy = test != null && !stopRequested() ? accuracy(test) : Double.NaN;
        EpochResult result = new EpochResult(epoch + 1, trainer.epochs(), loss, trainAccuracy, testAccuracy, rate,
                seconds, images / seconds);
        results.add(result);
        trainer.listeners().forEach(l -> l.onEpoch(result));
    }

    private void report(int epoch, int batch, double meanLoss, long images, long start) {
        double seconds = seconds(start);
        double rate = images / Math.max(seconds, 1e-9);
        int batches = examplesPerEpoch > 0 ? (int) ((examplesPerEpoch + trainer.batchSize() - 1)
                / trainer.batchSize()) : -1;
        double remaining = examplesPerEpoch > 0
                ? (trainer.epochs() - epoch) * (double) examplesPerEpoch - images : Double.NaN;
        Progress progress = new Progress(epoch + 1, trainer.epochs(), batch, batches, meanLoss, rate,
                remaining / overallRate(images, seconds));
        trainer.listeners().forEach(l -> l.onBatch(progress));
    }

    private double overallRate(long images, double seconds) {
        return (imagesDone + images) / Math.max(trainingSeconds + seconds, 1e-9);
    }

    private DataSet nextBatch(Rebatcher batches) {
        if (stopRequested()) {
            return null;
        }
        try {
            return batches.hasNext() ? batches.next() : null;
        } catch (RuntimeException e) {
            if (causedByInterrupt(e)) {
                interrupted = true;
                return null;
            }
            throw e;
        }
    }

    /** True, once, when the thread was interrupted; consumes the interrupt so the notebook can go on. */
    private boolean stopRequested() {
        interrupted |= Thread.interrupted();
        return interrupted;
    }

    private double applyRate(int epoch) {
        EpochSchedule schedule = trainer.schedule();
        if (schedule != null) {
            net.setLearningRate(schedule.rate(epoch, trainer.epochs()));
        }
        for (int i = 0; i < net.getnLayers(); i++) {
            Double rate = net.getLearningRate(i);
            if (rate != null) {
                return rate;
            }
        }
        return Double.NaN;
    }

    /** Accuracy over {@code iterator}, in batches of {@link Predictor#CHUNK_ROWS} (the fastest size to run). */
    private double accuracy(DataSetIterator iterator) {
        reset(iterator, 1);
        Evaluation evaluation = new Evaluation();
        for (Rebatcher batches = new Rebatcher(iterator, Predictor.CHUNK_ROWS); batches.hasNext(); ) {
            DataSet batch = batches.next();
            evaluation.eval(batch.getLabels(), net.output(batch.getFeatures(), false));
        }
        return evaluation.accuracy();
    }

    private static void reset(DataSetIterator iterator, int epoch) {
        if (iterator.resetSupported()) {
            iterator.reset();
        } else if (epoch > 0) {
            throw new IllegalArgumentException("The iterator " + iterator.getClass().getSimpleName() + " cannot be"
                    + " reset, so it cannot be read more than once; use one that supports reset().");
        }
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
