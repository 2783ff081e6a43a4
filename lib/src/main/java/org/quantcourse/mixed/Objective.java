package org.quantcourse.mixed;

/**
 * What a bit allocation minimises, summed over layers from the one-layer-at-a-time table: an additive proxy for
 * the loss of the whole quantized network. Used in notebook 14.
 */
public enum Objective {
    /** The sum of the measured accuracy drops (clipped at 0: a lucky gain is noise, not a reason to pick a width). */
    ACCURACY_DROP {
        @Override
        public double cost(LayerSensitivity s) {
            return Math.max(0, s.accuracyDrop());
        }
    },
    /** The sum of the relative output noise powers {@code 10^(−SQNR/10)} (independent errors add their powers). */
    OUTPUT_NOISE {
        @Override
        public double cost(LayerSensitivity s) {
            return s.outputNoise();
        }
    };

    /** The cost this objective gives one measurement. */
    public abstract double cost(LayerSensitivity s);
}
