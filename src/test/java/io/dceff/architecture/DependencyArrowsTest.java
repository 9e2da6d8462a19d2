package io.dceff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the capabilities, read from the imports of src/main/java: no cycle, platform and pue
 * asking no capability, rest/ reached only from rest/, and the README's diagram drawing exactly these arrows.
 */
class DependencyArrowsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/dceff");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.dceff\\.([a-z]+)((?:\\.[a-z]+)*)\\.", Pattern.MULTILINE);
    private static final Set<String> COMPOSITION = Set.of("samples");

    /** capability → the capabilities it imports (platform left out: every one uses it). */
    private static final Map<String, Set<String>> ARROWS = new TreeMap<>();
    /** package → the packages it imports (whole names: io.dceff.platform.web and io.dceff.platform.problem differ). */
    private static final Map<String, Set<String>> PACKAGES = new TreeMap<>();
    /** source files outside a rest/ package that import one. */
    private static final Set<String> REST_FROM_INSIDE = new TreeSet<>();

    @BeforeAll
    static void readImports() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(DependencyArrowsTest::read);
        }
    }

    private static void read(Path file) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
            return; // DceffMain
        }
        String capability = relative.getName(0).toString();
        boolean inRest = relative.toString().contains("/rest/");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ARROWS.computeIfAbsent(capability, c -> new TreeSet<>());
        String own = relative.getParent().toString().replace('/', '.');
        PACKAGES.computeIfAbsent(own, c -> new TreeSet<>());
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            String imported = m.group(1) + m.group(2);
            if (!imported.equals(own)) {
                PACKAGES.get(own).add(imported);
            }
            String target = m.group(1);
            if (!target.equals(capability) && !target.equals("platform")) {
                ARROWS.get(capability).add(target);
            }
            if (m.group(2).contains(".rest") && !inRest && !COMPOSITION.contains(capability)) {
                REST_FROM_INSIDE.add(relative.toString());
            }
        }
    }

    @Test
    void noCapabilityReachesBackToItself() {
        assertNoCycle(ARROWS);
    }

    @Test
    void noPackageReachesBackToItself() {
        assertNoCycle(PACKAGES);
    }

    private static void assertNoCycle(Map<String, Set<String>> graph) {
        for (String start : graph.keySet()) {
            Deque<String> todo = new ArrayDeque<>(graph.get(start));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                assertThat(next).as("a cycle through " + start).isNotEqualTo(start);
                if (seen.add(next)) {
                    todo.addAll(graph.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    @Test
    void platformAndPueAskNoCapability() {
        assertThat(ARROWS.get("platform")).isEmpty();
        assertThat(ARROWS.get("pue")).isEmpty();
    }

    @Test
    void onlyTheWebEdgeImportsTheWireRecords() {
        assertThat(REST_FROM_INSIDE).as("services and rules importing rest/").isEmpty();
    }

    @Test
    void theReadmesDiagramDrawsTheseArrows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```mermaid");
        String diagram = readme.substring(start, readme.indexOf("```", start + 10));
        Map<String, Set<String>> drawn = new TreeMap<>();
        Matcher edge = Pattern.compile("^\\s*([a-z]+) --> ([a-z &]+)$", Pattern.MULTILINE)
                .matcher(diagram);
        while (edge.find()) {
            for (String head : edge.group(2).split("\\s*&\\s*")) {
                if (!head.isBlank() && !head.trim().equals("platform")) {
                    drawn.computeIfAbsent(edge.group(1), c -> new TreeSet<>()).add(head.trim());
                }
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        ARROWS.forEach((from, to) -> {
            if (!to.isEmpty()) {
                actual.put(from, to);
            }
        });
        assertThat(drawn).isEqualTo(actual);
        assertThat(List.copyOf(ARROWS.keySet()))
                .allSatisfy(c -> assertThat(diagram).contains(c + "[\""));
    }
}
