package org.quantcourse.qat;

/**
 * Learned step size quantization (Esser et al., LSQ, 2020): the maths, on plain arrays. With step {@code s > 0}
 * and integer range {@code [qmin, qmax]}, a value is fake-quantized as
 * {@code ŵ = s · clamp(rint(w/s), qmin, qmax)}, and the straight-through estimator for {@code rint} gives
 *
 * <pre>
 *   ∂ŵ/∂s = rint(w/s) − w/s   if qmin ≤ w/s ≤ qmax
 *         = qmin              if w/s &lt; qmin
 *         = qmax              if w/s &gt; qmax
 *   ∂ŵ/∂w = 1 inside, 0 outside (clipped STE)
 * </pre>
 *
 * so {@code ∂L/∂s = Σᵢ ∂L/∂ŵᵢ · ∂ŵᵢ/∂s}. (The exact derivative of the step function is {@code rint(w/s)} inside:
 * the term {@code −w/s} is the estimator's, it tells the step how far each value sits from its level.) Used in
 * notebook 11.
 */
public final class Lsq {

    private Lsq() {
    }

    /** {@code s · clamp(rint(w/s), qmin, qmax)}. */
    public static float fakeQuantize(float w, float step, int qmin, int qmax) {
        checkStep(step);
        return step * Math.max(qmin, Math.min(qmax, (float) Math.rint(w / step)));
    }

    /** The estimator's {@code ∂ŵ/∂s} of one value (see the class comment). */
    public static float stepDerivative(float w, float step, int qmin, int qmax) {
        checkStep(step);
        float v = w / step;
        if (v < qmin) {
            return qmin;
        }
        if (v > qmax) {
            return qmax;
        }
        return (float) Math.rint(v) - v;
    }

    /** {@code ∂L/∂s = Σᵢ ∂L/∂ŵᵢ · ∂ŵᵢ/∂s} for the values {@code w} and the loss gradient {@code dLoss} at ŵ. */
    public static double stepGradient(float[] w, float[] dLoss, float step, int qmin, int qmax) {
        if (w.length != dLoss.length) {
            throw new IllegalArgumentException(w.length + " values but " + dLoss.length + " gradients: pass ∂L/∂ŵ"
                    + " for every value");
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += (double) dLoss[i] * stepDerivative(w[i], step, qmin, qmax);
        }
        return sum;
    }

    /** LSQ's initial step {@code 2·mean|w| / √qmax}. */
    public static float initialStep(float[] w, int qmax) {
        if (w.length == 0 || qmax < 1) {
            throw new IllegalArgumentException("need at least one value and qmax ≥ 1, got " + w.length
                    + " values and qmax " + qmax);
        }
        double sum = 0;
        for (float v : w) {
            sum += Math.abs(v);
        }
        float step = (float) (2 * sum / w.length / Math.sqrt(qmax));
        return step > 0 ? step : 1e-8f;
    }

    private static void checkStep(float step) {
        if (!(step > 0) || !Float.isFinite(step)) {
            throw new IllegalArgumentException("the step must be a positive finite number, got " + step);
        }
    }
}
