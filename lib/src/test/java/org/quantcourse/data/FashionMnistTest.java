package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs Debian's dataset-fashion-mnist (installed here and in CI). */
class FashionMnistTest {

    @Test
    void debianCopyLoads60000TrainingAnd10000TestImages() {
        DatasetSplit fashion = FashionMnist.load();
        assertEquals(60_000, fashion.train().size());
        assertEquals(10_000, fashion.test().size());
        assertEquals(28, fashion.test().rows());
        assertEquals("Ankle boot", fashion.train().classNames().get(9));
        for (int count : fashion.train().classCounts()) {
            assertEquals(6_000, count);
        }
        for (int count : fashion.test().classCounts()) {
            assertEquals(1_000, count);
        }
    }

    @Test
    void missingDirectoryExplainsHowToInstallOrWhatToUseInstead(@TempDir Path dir) {
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir.resolve("absent")));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("FashionMnist.load(Path"), e.getMessage());
        assertTrue(e.getMessage().contains("MnistSample.load()"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) throws Exception {
        linkAllBut(dir, MnistFormat.TEST_LABELS);
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve(MnistFormat.TEST_LABELS) + ": file not found"),
                e.getMessage());
    }

    @Test
    void tamperedFileIsRejectedByItsChecksum(@TempDir Path dir) throws Exception {
        linkAllBut(dir, MnistFormat.TEST_LABELS);
        byte[] labels = Files.readAllBytes(FashionMnist.DEBIAN_DIR.resolve(MnistFormat.TEST_LABELS));
        labels[labels.length - 100] ^= 1;
        Files.write(dir.resolve(MnistFormat.TEST_LABELS), labels);
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains(MnistFormat.TEST_LABELS + ": SHA-256 is"), e.getMessage());
    }

    private static void linkAllBut(Path dir, String skipped) throws Exception {
        for (String file : MnistFormat.FILES) {
            if (!file.equals(skipped)) {
                Files.createSymbolicLink(dir.resolve(file), FashionMnist.DEBIAN_DIR.resolve(file));
            }
        }
    }
}
