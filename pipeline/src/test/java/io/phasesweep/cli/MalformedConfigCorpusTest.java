package io.phasesweep.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in {@code src/test/resources/malformed/} is a broken sweep config whose last line says
 * {@code # expect line N: <part of the message>}. Through the real CLI, each must fail before any
 * work with exit status 2 and one line naming file:N and the problem, and write nothing.
 */
class MalformedConfigCorpusTest {
    /** "# expect [FILE ]line N: message": FILE (relative to the corpus) when the error is in an included file. */
    private static final Pattern EXPECT = Pattern.compile("# expect (?:(\\S+) )?line (\\d+): (.+)");

    @TempDir
    Path dir;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedConfigIsRefusedWithOneLineAndNothingWritten() throws IOException {
        List<Path> corpus;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/malformed"))) {
            corpus = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(corpus.size() >= 25, "a corpus of at least 25 malformed configs, have " + corpus.size());
        return corpus.stream().map(conf -> DynamicTest.dynamicTest(conf.getFileName().toString(), () -> {
            List<String> lines = Files.readAllLines(conf);
            Matcher m = EXPECT.matcher(lines.get(lines.size() - 1));
            assertTrue(m.matches(), conf + " ends with '# expect line N: message'");
            // Configs that test output.dir itself keep it; the others write (nothing) under the test's directory.
            boolean ownOutput = lines.stream().anyMatch(l -> l.startsWith("output.dir"));
            Path out = dir.resolve(conf.getFileName() + ".out");
            List<String> before = listing(dir);
            MainTest.Outcome o = ownOutput ? MainTest.execute("run", conf.toString())
                    : MainTest.execute("run", conf.toString(), "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            String err = o.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            String file = m.group(1) == null ? conf.getFileName().toString() : m.group(1);
            assertTrue(err.contains(file + ":" + m.group(2) + ":"), "names " + file + ":" + m.group(2) + ": " + err);
            assertTrue(err.contains(m.group(3)), "says what is wrong (" + m.group(3) + "): " + err);
            assertFalse(Files.exists(out), "writes nothing");
            if (ownOutput) {
                assertFalse(Files.exists(Path.of("out")), "writes nothing where the config points either");
            }
            assertEquals(before, listing(dir), "touches nothing else");
        }));
    }
}
