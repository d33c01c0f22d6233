package io.cirstream.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/architecture.md true: the module graph drawn there is exactly the compile-scope dependencies between
 * cirstream modules in the poms, the services stand side by side, the query API carries no Kafka Streams, nothing
 * that ships depends on the tools, and no two packages import each other through a cycle.
 */
class ModuleGraphTest {
    private static final Pattern EDGE = Pattern.compile("^\\s*([\\w-]+)\\s*-->\\s*([\\w-]+)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.cirstream\\.[\\w.]+?)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Set<String> SERVICES = Set.of("ingest", "embedder", "query-api");
    private static final Set<String> SHIPPED = Set.of("contract", "imaging", "opensearch", "model", "publisher",
            "remote-images", "geotiff", "ingest", "indexer", "embedder", "query-api");

    @Test
    void architectureDocDrawsThePomGraph() {
        assertThat(edges(documentedGraph())).isEqualTo(edges(pomGraph(false)));
    }

    @Test
    void servicesStandSideBySide() {
        Map<String, Set<String>> graph = pomGraph(false);
        for (String service : SERVICES) {
            // The embedder may host the indexer in-process (the local case); no service depends on another.
            assertThat(graph.get(service)).as(service).doesNotContainAnyElementsOf(SERVICES);
        }
        assertThat(graph.get("indexer")).doesNotContainAnyElementsOf(SERVICES);
    }

    @Test
    void nothingThatShipsDependsOnTheToolsEvalOrCli() {
        Map<String, Set<String>> graph = pomGraph(false);
        for (String module : SHIPPED) {
            if (!graph.containsKey(module)) {
                continue;
            }
            assertThat(closure(graph, module)).as(module)
                    .noneMatch(m -> m.startsWith("tools-") || m.equals("eval") || m.equals("cli") || m.equals("testkit"));
        }
    }

    @Test
    void queryApiCarriesNoKafkaStreams() {
        Map<String, Set<String>> external = externalDependencies();
        for (String module : closure(pomGraph(false), "query-api")) {
            assertThat(external.getOrDefault(module, Set.of())).as(module).doesNotContain("kafka-streams");
        }
        assertThat(external.get("query-api")).doesNotContain("kafka-streams");
    }

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> packages = packageGraph();
        assertThat(packages).as("packages found").hasSizeGreaterThan(20);
        List<List<String>> cycles = new ArrayList<>();
        for (String start : packages.keySet()) {
            for (String next : packages.get(start)) {
                if (closure(packages, next).contains(start)) {
                    cycles.add(List.of(start, next));
                }
            }
        }
        assertThat(cycles).as("package pairs on a cycle (first imports second, second reaches back)").isEmpty();
    }

    private static Set<String> edges(Map<String, Set<String>> graph) {
        Set<String> edges = new TreeSet<>();
        graph.forEach((from, tos) -> tos.forEach(to -> edges.add(from + " --> " + to)));
        return edges;
    }

    static Map<String, Set<String>> documentedGraph() {
        String doc = RepoFiles.read(RepoFiles.resolve("docs/architecture.md"));
        int start = doc.indexOf("```mermaid");
        assertThat(start).as("docs/architecture.md has a mermaid module graph").isNotNegative();
        String block = doc.substring(start, doc.indexOf("```", start + 3));
        Map<String, Set<String>> graph = new HashMap<>();
        for (String line : block.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        return graph;
    }

    /** Module (artifactId without "cirstream-") to the cirstream modules it depends on (compile scope unless tests). */
    static Map<String, Set<String>> pomGraph(boolean withTests) {
        Map<String, Set<String>> graph = new HashMap<>();
        for (Path pom : modulePoms()) {
            Document doc = parse(pom);
            String name = text(doc.getDocumentElement(), "artifactId").replaceFirst("^cirstream-", "");
            Set<String> deps = new TreeSet<>();
            for (Element dep : dependencies(doc)) {
                String scope = text(dep, "scope");
                if (text(dep, "groupId").equals("io.cirstream") && (withTests || !scope.equals("test"))) {
                    deps.add(text(dep, "artifactId").replaceFirst("^cirstream-", ""));
                }
            }
            graph.put(name, deps);
        }
        return graph;
    }

    private static Map<String, Set<String>> externalDependencies() {
        Map<String, Set<String>> result = new HashMap<>();
        for (Path pom : modulePoms()) {
            Document doc = parse(pom);
            Set<String> deps = new HashSet<>();
            for (Element dep : dependencies(doc)) {
                if (!text(dep, "scope").equals("test")) {
                    deps.add(text(dep, "artifactId"));
                }
            }
            result.put(text(doc.getDocumentElement(), "artifactId").replaceFirst("^cirstream-", ""), deps);
        }
        return result;
    }

    private static List<Path> modulePoms() {
        Document root = parse(RepoFiles.resolve("pom.xml"));
        NodeList modules = root.getElementsByTagName("module");
        List<Path> poms = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            poms.add(RepoFiles.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml"));
        }
        assertThat(poms).as("modules in the root pom").hasSizeGreaterThan(10);
        return poms;
    }

    private static List<Element> dependencies(Document doc) {
        List<Element> result = new ArrayList<>();
        Element project = doc.getDocumentElement();
        for (Element block : children(project, "dependencies")) {
            result.addAll(children(block, "dependency"));
        }
        return result;
    }

    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new HashMap<>();
        List<Path> sources = RepoFiles.find(p -> p.toString().contains("/src/main/java/")
                && p.toString().endsWith(".java"));
        for (Path file : sources) {
            String source = RepoFiles.read(file);
            Matcher pkg = PACKAGE.matcher(source);
            if (!pkg.find()) {
                continue;
            }
            Set<String> edges = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                if (!imports.group(1).equals(pkg.group(1))) {
                    edges.add(imports.group(1));
                }
            }
        }
        return graph;
    }

    private static Set<String> closure(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
            if (parent.getChildNodes().item(i) instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }

    private static Document parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + pom, e);
        }
    }
}
