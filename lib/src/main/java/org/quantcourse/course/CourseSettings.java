package org.quantcourse.course;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The course's size knobs, read from a system property ({@code course.epochs}) or else an environment variable
 * ({@code COURSE_EPOCHS}), with the course's defaults. CI sets them small; a student leaves them alone.
 * Used in every notebook.
 */
public final class CourseSettings {

    /** The seed every notebook starts from unless course.seed says otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** Where environment variables come from; tests replace it so that CI's knobs do not leak into them. */
    static UnaryOperator<String> environment = System::getenv;

    private CourseSettings() {
    }

    /** Number of training epochs: course.epochs / COURSE_EPOCHS, else the given default. */
    public static int epochs(int courseDefault) {
        return positiveInt("course.epochs", courseDefault);
    }

    /** Maximum training examples used (0 = all): course.trainLimit / COURSE_TRAIN_LIMIT, else the given default. */
    public static int trainLimit(int courseDefault) {
        return nonNegativeInt("course.trainLimit", courseDefault);
    }

    /** Maximum test examples used (0 = all): course.testLimit / COURSE_TEST_LIMIT, else the given default. */
    public static int testLimit(int courseDefault) {
        return nonNegativeInt("course.testLimit", courseDefault);
    }

    /** The data set name: course.dataset / COURSE_DATASET, else "mnist-sample". */
    public static String dataset() {
        return setting("course.dataset", "mnist-sample");
    }

    /** The seed: course.seed / COURSE_SEED, else 42. */
    public static long seed() {
        String value = setting("course.seed", Long.toString(DEFAULT_SEED));
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("course.seed must be a whole number, but was '" + value + "'");
        }
    }

    /** A setting: the system property if set, else the environment variable of the same name in upper snake case. */
    public static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(environmentName(property));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The environment variable that stands for a property: course.trainLimit becomes COURSE_TRAIN_LIMIT. */
    public static String environmentName(String property) {
        return property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static int positiveInt(String property, int fallback) {
        int value = nonNegativeInt(property, fallback);
        if (value == 0) {
            throw new IllegalArgumentException(property + " must be at least 1, but was 0");
        }
        return value;
    }

    private static int nonNegativeInt(String property, int fallback) {
        String raw = setting(property, Integer.toString(fallback));
        try {
            int value = Integer.parseInt(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " (or " + environmentName(property)
                    + ") must be a whole number >= 0, but was '" + raw + "'");
        }
    }
}
