package org.quantcourse;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quantcourse.course.ProjectPaths;

/** The library's structure: layers that depend downwards only, no package cycle, one name per concept. */
class ArchitectureTest {

    /** DL4J/ND4J classes the course talks about under their simple name (in prose or exercises) besides imports. */
    private static final Set<String> DL4J_NAMES_IN_THE_COURSE = Set.of("Evaluation", "ModelSerializer",
            "MultiLayerNetwork", "INDArray", "Nd4j", "DataType", "Transforms", "DataSet", "DataSetIterator");
    private static final Pattern IMPORT = Pattern.compile("import\\s+(?:static\\s+)?([a-zA-Z_][\\w.]*?)(\\.\\*)?\\s*;");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quantcourse");
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.quantcourse.(*)..").should().beFreeOfCycles().check(library);
    }

    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("exercises").definedBy("org.quantcourse.exercises..")
                .layer("course").definedBy("org.quantcourse.course..")
                .layer("experiments").definedBy("org.quantcourse.sweep..", "org.quantcourse.formats..",
                        "org.quantcourse.calibration..", "org.quantcourse.integer..", "org.quantcourse.onnx..",
                        "org.quantcourse.qat..",
                        "org.quantcourse.mixed..", "org.quantcourse.rounding..")
                .layer("models").definedBy("org.quantcourse.train..", "org.quantcourse.compress..",
                        "org.quantcourse.eval..", "org.quantcourse.plot..")
                .layer("foundations").definedBy("org.quantcourse.quant..", "org.quantcourse.data..",
                        "org.quantcourse.gd..", "org.quantcourse.io..", "org.quantcourse.dl4jfix..",
                        "org.quantcourse.speed..")
                .whereLayer("exercises").mayNotBeAccessedByAnyLayer()
                .whereLayer("course").mayOnlyBeAccessedByLayers("exercises")
                .whereLayer("experiments").mayOnlyBeAccessedByLayers("course", "exercises")
                .whereLayer("models").mayOnlyBeAccessedByLayers("experiments", "course", "exercises")
                .check(library);
    }

    @Test
    void noSimpleClassNameTwiceInTheLibrary() {
        Map<String, Set<String>> byName = topLevel(library).collect(Collectors.groupingBy(JavaClass::getSimpleName,
                TreeMap::new, Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
        byName.values().removeIf(names -> names.size() < 2);
        assertEquals(Map.of(), byName, "one concept, one name: these simple names are used twice");
    }

    @Test
    void noLibraryClassIsNamedLikeADl4jNd4jOrTablesawClassThatANotebookUses() throws IOException {
        Set<String> thirdParty = thirdPartyNamesNotebooksSee();
        assertFalse(thirdParty.isEmpty(), "found no third-party classes in the notebooks' imports");
        Set<String> clashes = topLevel(library).filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName).filter(thirdParty::contains).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), clashes, "library classes named like a DL4J/ND4J/Tablesaw class a notebook uses");
    }

    /** Simple names of the third-party classes the notebooks import (one by one or by package), plus the known ones. */
    private static Set<String> thirdPartyNamesNotebooksSee() throws IOException {
        Set<String> names = new TreeSet<>(DL4J_NAMES_IN_THE_COURSE);
        Set<String> packages = new TreeSet<>();
        for (Path notebook : notebooks()) {
            Matcher m = IMPORT.matcher(Files.readString(notebook));
            while (m.find()) {
                String imported = m.group(1);
                if (imported.startsWith("org.quantcourse.") || imported.startsWith("java")) {
                    continue;
                }
                if (m.group(2) != null) {
                    packages.add(imported);
                } else {
                    names.add(imported.substring(imported.lastIndexOf('.') + 1));
                }
            }
        }
        for (String pkg : packages) {
            topLevel(new ClassFileImporter().importPackages(pkg)).filter(c -> c.getPackageName().equals(pkg))
                    .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                    .forEach(c -> names.add(c.getSimpleName()));
        }
        return names;
    }

    private static Set<Path> notebooks() throws IOException {
        Set<Path> all = new TreeSet<>();
        for (String dir : new String[] {"notebooks", "solutions"}) {
            try (Stream<Path> files = Files.list(ProjectPaths.root().resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".ipynb")).forEach(all::add);
            }
        }
        return all;
    }

    private static Stream<JavaClass> topLevel(JavaClasses classes) {
        return classes.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"));
    }
}
