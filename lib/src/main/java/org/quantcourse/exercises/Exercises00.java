package org.quantcourse.exercises;

import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;

/** Checks for the exercises of notebook 00 (setup): answers are compared with what the library computes. */
public final class Exercises00 {

    private Exercises00() {
    }

    /** Exercise 0.1: how many training images show the given digit (in the course's data set, knobs applied)? */
    public static CheckResult digitCount(int digit, int answer) {
        ImageDataset train = CourseData.load().train();
        if (digit < 0 || digit >= train.numClasses()) {
            return CheckResult.fail("Exercise 0.1", "the digit must be between 0 and " + (train.numClasses() - 1));
        }
        return CheckResult.number("Exercise 0.1", answer, train.classCounts()[digit], 0,
                "count the labels equal to " + digit + " in data.train(), e.g. with a loop over label(i)");
    }

    /** Exercise 0.2: how many bytes does one 28×28 image take as FP32 values, and as one byte per pixel? */
    public static CheckResult imageBytes(int fp32Bytes, int uint8Bytes) {
        int pixels = 28 * 28;
        if (fp32Bytes == pixels * Float.BYTES && uint8Bytes == pixels) {
            return CheckResult.pass("Exercise 0.2", "correct: " + fp32Bytes + " bytes as FP32, " + uint8Bytes
                    + " as bytes: quantizing to 8 bits makes data 4× smaller");
        }
        return CheckResult.fail("Exercise 0.2", "an image has rows × cols pixels; a float takes Float.BYTES bytes,"
                + " a byte takes one");
    }

    /** Exercise 0.3: the mean pixel value (in [0, 1]) over the training images. */
    public static CheckResult meanPixel(double answer) {
        ImageDataset train = CourseData.load().train();
        double sum = 0;
        for (int i = 0; i < train.size(); i++) {
            for (float p : train.pixels(i)) {
                sum += p;
            }
        }
        double mean = sum / ((double) train.size() * train.rows() * train.cols());
        return CheckResult.number("Exercise 0.3", answer, mean, 1e-4,
                "average data.train().pixels(i) over every image i and every pixel; use a double accumulator");
    }
}
