package org.quantcourse.quant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden fixtures that {@code reference/make_golden_fixtures.py} writes with PyTorch: blocks of
 * {@code key value...} lines separated by blank lines, floats in hexadecimal.
 */
record GoldenFixtures(List<Case> cases) {

    /** One case: its fields by name. */
    record Case(Map<String, String> fields) {
        String name() {
            return fields.get("case");
        }

        String text(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalStateException("fixture case " + name() + " has no field " + key);
            }
            return v;
        }

        int integer(String key) {
            return Integer.parseInt(text(key));
        }

        int[] integers(String key) {
            return Arrays.stream(text(key).split(" ")).mapToInt(Integer::parseInt).toArray();
        }

        long[] shape() {
            return Arrays.stream(text("shape").split(" ")).mapToLong(Long::parseLong).toArray();
        }

        float[] floats(String key) {
            String[] parts = text(key).split(" ");
            float[] out = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Float.parseFloat(parts[i]);
            }
            return out;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** The cases of one fixture file. */
    static GoldenFixtures read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden fixture " + file, e);
        }
    }

    /** The fixture file {@code name} committed under src/test/resources/golden. */
    static Path committed(String name) {
        return Path.of("src", "test", "resources", "golden", name);
    }

    private static GoldenFixtures parse(List<String> lines) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    cases.add(new Case(fields));
                    fields = new LinkedHashMap<>();
                }
                continue;
            }
            int space = line.indexOf(' ');
            fields.put(line.substring(0, space), line.substring(space + 1));
        }
        if (!fields.isEmpty()) {
            cases.add(new Case(fields));
        }
        return new GoldenFixtures(List.copyOf(cases));
    }
}
