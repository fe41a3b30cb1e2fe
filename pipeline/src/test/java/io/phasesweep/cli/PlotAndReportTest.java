package io.phasesweep.cli;

import io.phasesweep.io.OutputDir;
import io.phasesweep.testing.Configs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tiny 2D Ising sweep with an fss block run with --report, then plotted: the page is
 * self-contained and every figure and link it references exists; refusals exit 2.
 */
class PlotAndReportTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void sweep() {
        Path conf = Configs.write(dir, "tiny.conf", """
                sweep {
                  name = tiny-fss
                  model = ising2d
                  seed = 7
                  replicas = 3
                  grid { L = [4, 8], T = { from = 2.0, to = 2.5, steps = 6 } }
                  params { algorithm = wolff, sweeps = 300, thermalization = 50 }
                }
                fss { control = T, size = L, bootstrap = 10 }
                spark { master = "local[2]" }
                """);
        out = dir.resolve("out");
        MainTest.Outcome o = MainTest.execute("run", conf.toString(), "--out", out.toString(), "--report");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("report: "), o.out());
    }

    @Test
    void reportIsOneSelfContainedPageWhoseFiguresAndLinksExist() throws IOException {
        Path page = out.resolve(OutputDir.REPORT).resolve("index.html");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertTrue(doc.title().startsWith("tiny-fss (ising2d)"), doc.title());
        // Nothing fetched: no scripts, style sheets, frames or remote URLs.
        assertTrue(doc.select("script, link, iframe, object, embed").isEmpty(), "no external resources");
        for (Element e : doc.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertFalse(url.matches("(?i)^(https?:|//|ftp:|file:).*"), "remote or absolute URL: " + url);
        }
        List<Element> images = doc.select("img");
        assertTrue(images.size() >= 5, "figures: " + images.size());
        for (Element img : images) {
            String src = img.attr("src");
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
            byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
            assertFalse(img.attr("alt").isEmpty());
        }
        for (Element a : doc.select("a[href]")) {
            Path target = page.getParent().resolve(a.attr("href")).normalize();
            assertTrue(Files.exists(target), "broken link " + a.attr("href"));
        }
        assertFalse(doc.select("figure#fss-collapse-binder").isEmpty(), "the collapse figure");
        String fss = doc.select("section#fss").text();
        assertTrue(fss.contains("2.26919"), "Onsager's T_c beside the estimates: " + fss);
        assertTrue(doc.select("section#summary").text().contains(
                Files.readString(out.resolve("manifest.json")).replaceAll("(?s).*\"config_hash\" : \"([0-9a-f]+)\".*", "$1")));
        assertTrue(doc.select("section#config pre").text().contains("ising2d"));
        // The report and plots are phasesweep's own: --overwrite may still replace this output.
        OutputDir.requireOwned(out, "--overwrite");
    }

    @Test
    void plotWritesEveryFigureInEitherFormat() throws IOException {
        MainTest.Outcome png = MainTest.execute("plot", out.toString());
        assertEquals(0, png.code(), png.err());
        Path plots = out.resolve(OutputDir.PLOTS);
        for (String name : List.of("fss-crossings-binder", "fss-collapse-binder", "fss-collapse-susceptibility",
                "observable-binder", "observable-energy")) {
            assertTrue(Files.size(plots.resolve(name + ".png")) > 10_000, name);
        }
        MainTest.Outcome svg = MainTest.execute("plot", out.toString(), "--format", "svg");
        assertEquals(0, svg.code(), svg.err());
        assertTrue(Files.readString(plots.resolve("observable-binder.svg")).contains("<svg"));
        assertFalse(Files.exists(plots.resolve("observable-binder.png")), "one call's figures, not two sets");
        OutputDir.requireOwned(out, "--overwrite");
    }

    @Test
    void aDirectoryThatIsNoSweepOrAnUnknownFormatIsBadInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("not-a-sweep"));
        MainTest.Outcome plot = MainTest.execute("plot", empty.toString());
        assertEquals(2, plot.code(), plot.err());
        assertEquals(1, plot.err().strip().lines().count(), plot.err());
        assertTrue(plot.err().contains("not a phasesweep output"), plot.err());
        assertEquals(2, MainTest.execute("report", empty.toString()).code());
        MainTest.Outcome format = MainTest.execute("plot", out.toString(), "--format", "bmp");
        assertEquals(2, format.code(), format.err());
        assertTrue(format.err().contains("expected png or svg"), format.err());
    }

    /** Where Debian's chromium is installed, the page renders headless from disk (skipped elsewhere). */
    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "chromium not installed");
        Path shot = dir.resolve("report.png");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--window-size=1200,2000", "--screenshot=" + shot,
                out.resolve(OutputDir.REPORT).resolve("index.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assumeTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in time");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        assertTrue(Files.size(shot) > 20_000, "a screenshot with content");
    }
}
