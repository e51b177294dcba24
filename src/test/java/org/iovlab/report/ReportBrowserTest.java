package org.iovlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.iovlab.results.ResultsDir;
import org.iovlab.results.SyntheticRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report.html in headless Chromium: no console message, every chart in the DOM
 * after load with a size, and drawn (the screenshot's pixels inside each chart's box vary).
 */
@Tag("browser")
class ReportBrowserTest {
    private static final int WIDTH = 1100;
    @TempDir Path tmp;

    @Test
    void everyChartRendersWithoutConsoleErrors() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.orSkip(tmp);
        // The console check must be able to fail: a page that logs an error is caught.
        Path bad = Files.writeString(tmp.resolve("bad.html"), "<html><body><script>console.error('deliberate')</script></body></html>");
        assertThat(chromium.dumpDom(bad).console()).as("console messages of a page that logs one").anyMatch(l -> l.contains("deliberate"));

        ResultsDir dir = SyntheticRun.write(tmp.resolve("run"), 2);
        Reports.write(dir);
        Path page = dir.dir().resolve(Reports.HTML);
        int expected = (int) Reports.model(dir).figures().stream().filter(f -> !f.isEmpty()).count();
        assertThat(expected).isEqualTo(4);

        // 1. The page as it is: the DOM after load holds every chart, and nothing is logged.
        HeadlessChromium.Run dom = chromium.dumpDom(page);
        assertThat(dom.exitCode()).isZero();
        assertThat(dom.console()).as("console messages of report.html").isEmpty();
        assertThat(count(dom.stdout(), "<svg class=\"iovlab-chart\"")).isEqualTo(expected);
        for (String id : List.of("chart-fig2", "chart-fig3a", "chart-fig3b", "chart-fig4")) assertThat(dom.stdout()).contains("id=\"" + id + "\"");

        // 2. Where each chart is laid out: a copy with a script that writes the boxes into the DOM.
        Path probe = tmp.resolve("run").resolve("probe.html");
        Files.writeString(probe, Files.readString(page).replace("</body>", """
                <script>
                const boxes = [...document.querySelectorAll('svg.iovlab-chart')].map(s => { const r = s.getBoundingClientRect();
                  return [Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)].join(','); });
                document.body.setAttribute('data-boxes', boxes.join(';'));
                document.body.setAttribute('data-height', document.documentElement.scrollHeight);
                </script></body>"""));
        String probed = chromium.dumpDom(probe).stdout();
        Matcher boxes = Pattern.compile("data-boxes=\"([^\"]*)\"").matcher(probed), height = Pattern.compile("data-height=\"(\\d+)\"").matcher(probed);
        assertThat(boxes.find() && height.find()).as("the probe ran").isTrue();
        List<int[]> rects = new ArrayList<>();
        for (String b : boxes.group(1).split(";")) rects.add(java.util.Arrays.stream(b.split(",")).mapToInt(Integer::parseInt).toArray());
        assertThat(rects).hasSize(expected).allSatisfy(r -> assertThat(r[2] > 300 && r[3] > 150).as("chart box %s", List.of(r[2], r[3])).isTrue());

        // 3. The screenshot of the whole page: not blank, and every chart's box drawn.
        Path png = tmp.resolve("report.png");
        HeadlessChromium.Run shot = chromium.screenshot(page, png, WIDTH, Integer.parseInt(height.group(1)));
        assertThat(shot.console()).isEmpty();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("screenshot " + png).isNotNull();
        assertThat(distinctColours(img, 0, 0, img.getWidth(), img.getHeight())).isGreaterThan(50);
        for (int[] r : rects) {
            assertThat(r[1] + r[3]).as("chart inside the screenshot").isLessThanOrEqualTo(img.getHeight());
            assertThat(distinctColours(img, r[0], r[1], r[2], r[3])).as("colours in chart box " + List.of(r[0], r[1])).isGreaterThan(8);
            assertThat(nonWhiteShare(img, r[0], r[1], r[2], r[3])).as("ink in chart box").isGreaterThan(0.03);
        }
        Path keep = Path.of(System.getProperty("iovlab.browser.screenshot", "target/report-screenshot.png"));
        Files.createDirectories(keep.toAbsolutePath().getParent());
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.println("report screenshot: " + keep.toAbsolutePath());
    }

    private static int distinctColours(BufferedImage img, int x0, int y0, int w, int h) {
        Set<Integer> colours = new HashSet<>();
        for (int y = y0; y < Math.min(y0 + h, img.getHeight()); y += 2)
            for (int x = x0; x < Math.min(x0 + w, img.getWidth()); x += 2) colours.add(img.getRGB(x, y) & 0xffffff);
        return colours.size();
    }

    private static double nonWhiteShare(BufferedImage img, int x0, int y0, int w, int h) {
        long ink = 0, all = 0;
        for (int y = y0; y < Math.min(y0 + h, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x0 + w, img.getWidth()); x++) {
                all++;
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
