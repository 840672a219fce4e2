package io.sluice.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import io.sluice.server.rest.RestClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; other
 * paths through {@code SLUICE_CHROMIUM} and {@code SLUICE_CHROMEDRIVER}) against a server started in-process with a
 * running INSERT job. Screenshots go to {@code target/ui-screenshots}. Fails (never skips) without Chromium.
 */
class WebUiBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    @TempDir
    static Path dir;
    private static SluiceServer server;
    private static RestClient rest;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        String chromium = System.getenv().getOrDefault("SLUICE_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("SLUICE_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(driver))) {
            throw new AssertionError("the web UI tests need Chromium and its driver at " + chromium + " and " + driver
                    + " (Debian: apt-get install chromium chromium-driver; or set SLUICE_CHROMIUM and"
                    + " SLUICE_CHROMEDRIVER)");
        }
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0));
        rest = new RestClient(server.httpPort());
        base = "http://127.0.0.1:" + server.httpPort();
        System.setProperty("webdriver.chrome.driver", driver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1500,1300", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiting() {
        // the UI re-renders every second, so an element found a moment ago may be gone: look again
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class);
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The number after {@code label} in the text of {@code element}, or -1. */
    private static long number(WebElement element, String label) {
        return number(element.getText(), label);
    }

    private static long number(String text, String label) {
        Matcher m = Pattern.compile(label + " (\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The text of the first element matching a CSS selector, read at once (the UI re-renders while we look). */
    private static String text(String css) {
        Object t = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        return t == null ? "" : t.toString();
    }

    @Test
    void jobListGraphLiveNumbersCheckpointsAndChart() throws Exception {
        String session = rest.openSession();
        String job = rest.startWindowJob(session, dir.resolve("chk").toString(), List.of());
        browser.get(base + "/#/jobs");
        By row = By.cssSelector("tr.job-row[data-jid='" + job + "']");
        String rowCss = "tr.job-row[data-jid='" + job + "']";
        waiting().until(b -> text(rowCss).contains("RUNNING"));
        assertTrue(text(rowCss).contains("INSERT INTO counts"));
        screenshot("jobs.png");

        waiting().until(b -> { // the job list is rendered again as numbers arrive: find and click in one step
            b.findElement(row).click();
            return true;
        });
        waiting().until(b -> b.findElements(By.cssSelector("#job-graph g.node")).size() >= 3);
        assertEquals("RUNNING", text("#job-state"));
        assertTrue(browser.findElements(By.cssSelector("#job-graph g.edge")).size() >= 2);
        assertTrue(text("#job-graph").contains("HASH"), "a hash exchange is drawn");
        assertTrue(text("#job-graph g.node").contains("parallelism 2"));

        By source = By.cssSelector("#job-graph g.node.source");
        waiting().until(b -> number(b.findElement(source), "records") > 0);
        long before = number(text("#job-graph g.node.source"), "records");
        waiting().until(b -> number(b.findElement(source), "records") > before);
        waiting().until(b -> !b.findElement(source).findElement(By.cssSelector(".rate")).getText().equals("0/s"));
        By window = By.xpath("//*[@id='job-graph']//*[local-name()='g'][contains(@class,'node')]"
                + "[.//*[local-name()='title'][starts-with(., 'WindowAggregate')]]");
        waiting().until(b -> !b.findElement(window).findElement(By.cssSelector(".watermark")).getText().equals("none"));
        // the window aggregation keeps state: its size after a checkpoint, and the late rows it dropped
        waiting().until(b -> {
            String size = b.findElement(window).findElement(By.cssSelector(".state-size")).getText();
            return !size.equals("-") && !size.equals("0 B");
        });
        waiting().until(b -> b.findElement(window).getText().contains(" late "));
        assertTrue(text("#job-graph g.node").contains("backpressure"));
        // an operator's subtasks, by clicking it in the graph
        waiting().until(b -> {
            b.findElement(window).click();
            return text("#vertex-name").startsWith("WindowAggregate");
        });
        waiting().until(b -> b.findElements(By.cssSelector("tr.subtask-row")).size() == 2);
        assertTrue(text("tr.subtask-row").startsWith("0"), text("tr.subtask-row"));

        waiting().until(b -> number(b.findElement(By.id("checkpoint-counts")), "completed") >= 1);
        assertTrue(!browser.findElements(By.cssSelector("tr.checkpoint-row")).isEmpty());
        waiting().until(b -> b.findElements(By.cssSelector("#rate-chart polyline.series")).size() >= 3
                && b.findElement(By.cssSelector("#rate-chart polyline.series")).getAttribute("points").split(" ").length
                >= 3);
        screenshot("job.png");
        // the graph and the chart alone (no local paths in them), as docs/images/server-ui-job.png shows them
        File graph = browser.findElement(By.cssSelector(".graph-box")).getScreenshotAs(OutputType.FILE);
        Files.copy(graph.toPath(), SCREENSHOTS.resolve("job-graph.png"), StandardCopyOption.REPLACE_EXISTING);
        rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
        waiting().until(b -> b.findElement(By.id("job-state")).getText().equals("CANCELED"));
    }

    @Test
    void exceptionsShowTheFailingOperator() throws Exception {
        String session = rest.openSession();
        rest.run(session, "CREATE TABLE ui_failing (x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10',"
                + " 'fields.x.min' = '0', 'fields.x.max' = '0')");
        rest.run(session, "CREATE TABLE ui_failing_sink (y INT) WITH ('connector' = 'blackhole')");
        String job = rest.run(session, "INSERT INTO ui_failing_sink SELECT 10 / x FROM ui_failing");
        browser.get(base + "/#/jobs/" + job);
        waiting().until(b -> !b.findElements(By.cssSelector(".failing-operator")).isEmpty());
        String operator = text(".failing-operator");
        assertTrue(!operator.isEmpty() && !operator.equals("unknown"), operator);
        waiting().until(b -> b.findElement(By.id("job-state")).getText().equals("FAILED"));
        screenshot("exceptions.png");
    }

    @Test
    void sqlEditorShowsALiveResultWithTheChangelogAppliedAndTheExplain() throws Exception {
        String session = rest.openSession();
        rest.run(session, "CREATE TABLE IF NOT EXISTS ui_clicks (k INT, v BIGINT) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '200', 'fields.k.min' = '1', 'fields.k.max' = '3')");
        browser.get(base + "/#/sql");
        WebElement input = waiting().until(b -> b.findElement(By.id("sql-input")));
        input.clear();
        input.sendKeys("SELECT k, COUNT(*) AS c FROM ui_clicks GROUP BY k");
        browser.findElement(By.id("sql-run")).click();
        // counts per key keep changing: more changes than rows, and never more rows than keys
        waiting().until(b -> changes(text("#sql-counts")) > 20);
        String countText = text("#sql-counts");
        long rows = Long.parseLong(countText.split(" ")[0]);
        assertTrue(rows >= 1 && rows <= 3, countText);
        assertEquals("kc", text("#sql-table thead tr"));
        long firstCount = total();
        waiting().until(b -> total() > firstCount);
        waiting().until(b -> b.findElement(By.id("sql-explain")).getText().contains("ui_clicks"));
        screenshot("sql.png");
        browser.findElement(By.id("sql-cancel")).click();
        waiting().until(b -> b.findElement(By.id("sql-status")).getText().equals("cancelled"));

        // an INSERT from the editor starts a job; its id links to the job's page
        rest.run(session, "CREATE TABLE IF NOT EXISTS ui_sink (k INT) WITH ('connector' = 'blackhole')");
        input = browser.findElement(By.id("sql-input"));
        input.clear();
        input.sendKeys("INSERT INTO ui_sink SELECT k FROM ui_clicks");
        browser.findElement(By.id("sql-run")).click();
        waiting().until(b -> !b.findElements(By.cssSelector("a.job-link")).isEmpty());
        String job = text("a.job-link");
        // the status line is rendered again as the job's state arrives: find and click the link in one retried step
        waiting().until(b -> {
            b.findElement(By.cssSelector("a.job-link")).click();
            return true;
        });
        waiting().until(b -> b.findElements(By.cssSelector("#job-graph g.node")).size() >= 2
                && text("#job-state").equals("RUNNING"));
        assertEquals("INSERT INTO ui_sink SELECT k FROM ui_clicks", text("#job-name"));
        rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
    }

    /** The N of "... N changes". */
    private static long changes(String counts) {
        Matcher m = Pattern.compile("(\\d+) changes").matcher(counts);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The sum of the second column of the result rows (the counts), read at once. */
    private static long total() {
        Object sum = ((JavascriptExecutor) browser).executeScript("let s = 0; for (const r of document.querySelectorAll("
                + "'#sql-table tbody tr')) { s += Number(r.cells[1].textContent); } return s;");
        return ((Number) sum).longValue();
    }
}
