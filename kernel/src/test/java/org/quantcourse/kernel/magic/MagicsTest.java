package org.quantcourse.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {

    @Test
    void jjavaRegistryListsEveryIJavaMagic() {
        MagicsRegistry registry = Magics.standard().jjavaRegistry();
        assertTrue(registry.getLineMagicNames().containsAll(Set.of("jars", "classpath", "maven", "addMavenDependency",
                "mavenRepo", "loadFromPOM")), registry.getLineMagicNames().toString());
        assertEquals(Set.of("loadFromPOM"), registry.getCellMagicNames());
    }

    @Test
    void unknownMagicNamesTheAvailableOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Magics.standard().runLine(null, "mvn", List.of()));
        assertTrue(error.getMessage().contains("maven"), error.getMessage());
    }
}
