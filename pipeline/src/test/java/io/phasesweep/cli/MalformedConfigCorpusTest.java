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
    private static final Pattern EXPECT = Pattern.compile("# expect line (\\d+): (.+)");

    @TempDir
    Path dir;

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
            Path out = dir.resolve(conf.getFileName() + ".out");
            MainTest.Outcome o = MainTest.execute("run", conf.toString(), "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            String err = o.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.contains(conf.getFileName() + ":" + m.group(1) + ":"), "names file:line " + m.group(1) + ": " + err);
            assertTrue(err.contains(m.group(2)), "says what is wrong (" + m.group(2) + "): " + err);
            assertFalse(Files.exists(out), "writes nothing");
        }));
    }
}
