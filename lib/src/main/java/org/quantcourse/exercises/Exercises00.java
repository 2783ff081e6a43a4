package org.quantcourse.exercises;

import java.util.Arrays;
import org.quantcourse.course.CourseData;
import org.quantcourse.data.ImageDataset;

/** Checks for the exercises of notebook 00 (setup), judged under {@link Attempts}: a loop over answers learns nothing. */
public final class Exercises00 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final double PIXEL_TOLERANCE = 1e-6;

    private Exercises00() {
    }

    /** One case of Exercise 0.4: the raw bytes of a few pixels, as an IDX file stores them. */
    public record RawPixels(byte[] bytes) {
    }

    /** Exercise 0.1: how many training images show the given digit (in the course's data set, knobs applied)? */
    public static CheckResult digitCount(int digit, int answer) {
        ImageDataset train = CourseData.load().train();
        if (digit < 0 || digit >= train.numClasses()) {
            return CheckResult.fail("Exercise 0.1", "the digit must be between 0 and " + (train.numClasses() - 1));
        }
        return attempts.number("Exercise 0.1", answer, train.classCounts()[digit], 0, Hints.of(
                "count in this notebook's training set, data.train(): the size knobs can change it",
                "train.classCounts()[" + digit + "], or a loop over train.label(i) that counts the labels equal to " + digit));
    }

    /** Exercise 0.2: how many bytes does one 28×28 image take as FP32 values, and as one byte per pixel? */
    public static CheckResult imageBytes(int fp32Bytes, int uint8Bytes) {
        int pixels = 28 * 28;
        boolean right = fp32Bytes == pixels * Float.BYTES && uint8Bytes == pixels;
        return attempts.judge("Exercise 0.2", right, () -> fp32Bytes + " bytes as FP32, " + uint8Bytes
                        + " as bytes: quantizing to 8 bits makes data 4× smaller",
                "(" + fp32Bytes + ", " + uint8Bytes + ") is not right yet.",
                Hints.of("first count the pixels of a 28×28 image", "a float takes Float.BYTES = 4 bytes, a byte takes one"));
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
        return attempts.number("Exercise 0.3", answer, mean, 1e-4, Hints.of(
                "the mean of every pixel of every training image, not of one image",
                "average data.train().pixels(i) over every image i and every pixel; use a double accumulator"));
    }

    /** Exercise 0.4: the student's method turns raw pixel bytes (0–255, unsigned) into floats in [0, 1]. */
    public static CodingExercise<RawPixels, float[]> pixelsToFloats() {
        return pixelsToFloats(System.nanoTime());
    }

    static CodingExercise<RawPixels, float[]> pixelsToFloats(long seed) {
        return CodingExercise.<RawPixels, float[]>named("Exercise 0.4")
                .input(random -> {
                    byte[] bytes = new byte[1 + random.nextInt(8)];
                    random.nextBytes(bytes);
                    return new RawPixels(bytes);
                }, c -> "bytes = " + Arrays.toString(c.bytes()))
                .reference(c -> {
                    float[] out = new float[c.bytes().length];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (c.bytes()[i] & 0xFF) / 255f;
                    }
                    return out;
                })
                .same((yours, expected) -> closeTo(yours, expected))
                .hints("a Java byte is signed (−128…127): a bright pixel 200 arrives as −56",
                        "(b & 0xFF) gives the unsigned value 0…255; divide by 255f")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 0.5: what the 1 in a batch's shape [64, 1, 28, 28] counts. */
    public static ChoiceQuestion batchShapeQuestion() {
        return ChoiceQuestion.of("Exercise 0.5", 'B',
                "[batch, channels, height, width]: MNIST images have one grey channel (a colour image would have 3).",
                Hints.of("the order is [batch, ?, height, width]",
                        "what would be 3 for an RGB photo?")).judgedBy(attempts);
    }

    private static boolean closeTo(float[] yours, float[] expected) {
        if (yours.length != expected.length) {
            return false;
        }
        for (int i = 0; i < yours.length; i++) {
            if (!(Math.abs(yours[i] - expected[i]) <= PIXEL_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }
}
