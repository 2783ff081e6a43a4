package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {

    @Test
    void namesListTheDefaultFirst() {
        assertEquals(List.of("mnist-sample", "fashion-mnist", "mnist"), Datasets.names());
        assertEquals("mnist-sample", Datasets.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-sample", " MNIST-Sample "})
    void sampleIsFoundByNameIgnoringCaseAndSpaces(String name) {
        DatasetSplit split = Datasets.byName(name);
        assertEquals(8000, split.train().size());
        assertEquals(2000, split.test().size());
    }

    @Test
    void fashionMnistIsFoundByName() {
        assertEquals(10_000, Datasets.byName("fashion-mnist").test().size());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "cifar10", "mnist_sample"})
    void unknownNameIsRejectedListingTheValidOnes(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.byName(name));
        assertTrue(e.getMessage().contains("valid names are mnist-sample, fashion-mnist, mnist"), e.getMessage());
    }
}
