package org.quantcourse.data;

import java.util.Objects;

/** A training set and a test set of the same kind of images. Used in notebooks 01 to 06. */
public record DatasetSplit(ImageDataset train, ImageDataset test) {

    /** Checks that both parts exist and have the same image size and classes. */
    public DatasetSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.rows() != test.rows() || train.cols() != test.cols()
                || !train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("train and test must have the same image size and classes: "
                    + train + " vs " + test);
        }
    }

    /** The first {@code trainSize} training and {@code testSize} test images, for quick runs. */
    public DatasetSplit limit(int trainSize, int testSize) {
        return new DatasetSplit(train.limit(trainSize), test.limit(testSize));
    }

    /** Both parts restricted to the given classes, relabelled 0..k-1 (see {@link ImageDataset#filterClasses}). */
    public DatasetSplit filterClasses(int... classes) {
        return new DatasetSplit(train.filterClasses(classes), test.filterClasses(classes));
    }
}
