package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.quantcourse.qat.Lsq;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/** Checks for the exercises of notebook 11 (quantization-aware training), judged under {@link Attempts}. */
public final class Exercises11 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final int QMIN_2BIT = -2;
    private static final int QMAX_2BIT = 1;
    private static final double EXACT = 1e-6;

    private Exercises11() {
    }

    /**
     * One case of Exercise 11.4: the inputs of an activation site, their fake quantizer's representable range
     * {@code [lower, upper]} and the gradient {@code upstream = ∂L/∂y} arriving from above.
     */
    public record Backward(float[] x, float lower, float upper, float[] upstream) {
        @Override
        public String toString() {
            return "x = " + Arrays.toString(x) + ", lower = " + lower + ", upper = " + upper + ", upstream = "
                    + Arrays.toString(upstream);
        }
    }

    /** Exercise 11.1: LSQ's {@code ∂ŵ/∂s} for {@code w = 0.07}, {@code s = 0.1}, 2-bit codes [−2, 1]. */
    public static CheckResult stepDerivativeInside(double answer) {
        return attempts.number("Exercise 11.1", answer, Lsq.stepDerivative(0.07f, 0.1f, QMIN_2BIT, QMAX_2BIT), EXACT,
                Hints.of("first find v = w/s and check that it lies inside [qmin, qmax]",
                        "inside the range ∂ŵ/∂s = rint(v) − v: round 0.7, then subtract 0.7"));
    }

    /** Exercise 11.2: LSQ's {@code ∂ŵ/∂s} for {@code w = 0.26}, {@code s = 0.1}, 2-bit codes [−2, 1]. */
    public static CheckResult stepDerivativeClipped(double answer) {
        return attempts.number("Exercise 11.2", answer, Lsq.stepDerivative(0.26f, 0.1f, QMIN_2BIT, QMAX_2BIT), EXACT,
                Hints.of("v = w/s = 2.6: is it inside [qmin, qmax] = [−2, 1]?",
                        "a clipped value is ŵ = s·qmax, so its derivative in s is qmax"));
    }

    /** The weights of one output channel in Exercise 11.3. */
    static final float[] CHANNEL = {0.31f, -0.05f, 0.12f, -0.44f, 0.02f, 0.19f, -0.21f, 0.08f};

    /**
     * Exercise 11.3: how many weights of {@link #CHANNEL} 2-bit symmetric min-max quantization (notebook 06's PTQ)
     * sets to 0.
     */
    public static CheckResult zerosInChannel(int answer) {
        long zeros = 0;
        for (float q : Quantizer.symmetric(2).fakeQuantize(CHANNEL)) {
            zeros += q == 0 ? 1 : 0;
        }
        return attempts.number("Exercise 11.3", answer, zeros, 0, Hints.of(
                "2-bit symmetric codes are −2..1 and min-max gives s = max|w| / qmax with qmax = 1",
                "s = 0.44: a weight becomes 0 when |w/s| ≤ 0.5, that is |w| ≤ 0.22; count them"));
    }

    /** Exercise 11.4: the student writes the clipped-STE backward of an activation fake quantizer. */
    public static CodingExercise<Backward, float[]> clippedSteBackward() {
        return clippedSteBackward(System.nanoTime());
    }

    static CodingExercise<Backward, float[]> clippedSteBackward(long seed) {
        return CodingExercise.<Backward, float[]>named("Exercise 11.4")
                .input(Exercises11::randomBackward, Backward::toString)
                .reference(Exercises11::clippedGradient)
                .same(Exercises11::sameGradient)
                .hints("the gradient passes (times 1) where the fake quantizer follows x, and is 0 where it clamps",
                        "dx[i] = upstream[i] when lower ≤ x[i] ≤ upper, else 0; one loop, same length as x")
                .judgedBy(attempts, seed)
                .build();
    }

    private static Backward randomBackward(Random random) {
        int n = 4 + random.nextInt(9);
        QuantParams p = randomRange(random);
        float lower = p.rangeMin(0);
        float upper = p.rangeMax(0);
        float[] x = new float[n];
        float[] upstream = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lower + (random.nextDouble() * 1.6 - 0.3) * (upper - lower));
            upstream[i] = (float) random.nextGaussian();
        }
        return new Backward(x, lower, upper, upstream);
    }

    /** A calibrated activation range, as {@code FakeQuantActivation} makes it: 2..8 bits, after ReLU or not. */
    private static QuantParams randomRange(Random random) {
        float max = (float) (0.5 + random.nextDouble() * 5);
        float min = random.nextBoolean() ? 0f : -(float) (0.5 + random.nextDouble() * 3);
        return Quantizer.asymmetric(2 + random.nextInt(7)).paramsFromRange(new float[] {min}, new float[] {max});
    }

    /** The clipped estimator: the upstream gradient where x lies in the range, 0 where the quantizer clamps. */
    private static float[] clippedGradient(Backward c) {
        float[] dx = new float[c.x().length];
        for (int i = 0; i < dx.length; i++) {
            boolean inside = c.x()[i] >= c.lower() && c.x()[i] <= c.upper();
            dx[i] = inside ? c.upstream()[i] : 0f;
        }
        return dx;
    }

    /** Equal value by value ({@code -0f} counts as {@code 0f}, as it does in the update). */
    private static boolean sameGradient(float[] yours, float[] expected) {
        if (yours.length != expected.length) {
            return false;
        }
        for (int i = 0; i < yours.length; i++) {
            if (Math.abs(yours[i] - expected[i]) > EXACT) {
                return false;
            }
        }
        return true;
    }

    /** Exercise 11.5: what LSQ's step does when a clipped weight wants to grow. */
    public static ChoiceQuestion clippedWeightQuestion() {
        return ChoiceQuestion.of("Exercise 11.5", 'B',
                "a weight clipped at the top has ŵ = s·qmax, so ∂ŵ/∂s = qmax > 0 and ∂L/∂s = ∂L/∂ŵ · qmax < 0 when"
                        + " the loss wants ŵ larger: gradient descent increases s, the range widens towards the weight."
                        + " Its own weight gradient is cut by the clipped STE, but the step's gradient is not.",
                Hints.of("write ŵ as a function of s for a weight with w/s > qmax",
                        "the clipped STE zeroes ∂ŵ/∂w, not ∂ŵ/∂s; what sign does ∂L/∂s = ∂L/∂ŵ · qmax have?"))
                .judgedBy(attempts);
    }
}
