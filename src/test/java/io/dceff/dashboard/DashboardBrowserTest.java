package io.dceff.dashboard;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The regulator dashboard at / in a real browser: Debian's headless Chromium driven by Selenium, on a small world
 * made through the API (the test database has no sample data, but other tests' sites are there too, so every check
 * is about this world's own sites or holds whatever else exists). axe-core (src/test/resources/axe) checks every
 * view for serious and critical accessibility violations; a screenshot of each view, desktop and phone, Chinese and
 * English, goes to target/dashboard/. Skipped when Chromium is not installed.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");
    /** The page's default assessment date and year (the sample data is tied to them). */
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);

    private static final int YEAR = 2025;
    private static final String DISTRICT = "310107";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The small world, made once for all the tests of this class. */
    private static World world;

    @TestHTTPResource("/")
    URL page;

    private WebDriver driver;
    private Path profile;
    private WebDriverWait wait;

    record World(String operator, String candidate, String gappy, String decided, String receiver, String silent) {}

    private void startBrowser(int width, int height) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        if (world == null) {
            world = world();
        }
        profile = Files.createTempDirectory("dceff-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=en-US",
                "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        if (width < 500) {
            // a desktop window is at least 500 px wide: a phone's viewport is emulated
            ((ChromeDriver) driver)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(Duration.ofSeconds(180));
        wait = new WebDriverWait(driver, PATIENCE);
    }

    @AfterEach
    void stopBrowser(TestInfo test) throws IOException {
        if (driver != null) {
            // the last state of each test, and what the browser said, for a failure's diagnosis
            screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            driver.manage()
                    .logs()
                    .get(LogType.BROWSER)
                    .getAll()
                    .forEach(e -> System.out.println("browser: " + e.getLevel() + " " + e.getMessage()));
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theOverviewAnswersHowManySitesToCloseWhereAndWhatItSaves() throws IOException {
        startBrowser(1440, 900);
        signIn();

        // the headline: figures for the date, each a button that filters the table
        wait.until(d -> number("h-candidates") >= 2 && number("h-no-data") >= 1);
        assertThat(text("h-kwh")).matches("[0-9,]+");
        assertThat(text("h-tce")).matches("[0-9,.]+");
        assertThat(text("h-tco2")).matches("[0-9,.]+");
        // targets, five of the plan with a named progress bar each
        wait.until(d -> d.findElements(By.cssSelector("#targets .target")).size() == 5);
        assertThat(driver.findElements(By.cssSelector("#targets .bar .fill"))).hasSize(5);
        assertThat(driver.findElement(By.cssSelector("#targets [data-id=CLOSURE_PROGRESS]"))
                        .isDisplayed())
                .isTrue();
        // the year's figures as of its end, the deadline's own day: a target not met is missed, no longer behind
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-as-of"), YEAR + "-12-31"));
        for (WebElement target : driver.findElements(By.cssSelector("#targets .target"))) {
            String status = target.getAttribute("data-status");
            assertThat(status).isIn("MET", "MISSED", "NO_BASELINE");
            assertThat(target.findElement(By.cssSelector(".badge")).getAttribute("class"))
                    .contains(status.toLowerCase());
        }
        // and a trend of each target over the plan's years 2022–2025, the chosen year outlined
        wait.until(d -> d.findElements(By.cssSelector("#targets .trend rect")).size() == 5 * 4);
        assertThat(driver.findElements(By.cssSelector("#targets .trend rect.chosen[data-year='" + YEAR + "']")))
                .hasSize(5);
        assertThat(driver.findElements(By.cssSelector("#targets [role=progressbar][aria-label]")))
                .hasSize(5);
        // the overview (headline, districts) fits a laptop screen without scrolling
        Number bottom = (Number) js("return document.getElementById('district-view').getBoundingClientRect().bottom");
        assertThat(bottom.doubleValue()).isLessThanOrEqualTo(900);
        assertThat(driver.findElements(By.cssSelector("#district-chart canvas")))
                .isNotEmpty();

        driver.findElement(By.cssSelector("#headline [data-go=NO_DATA]")).click();
        wait.until(d -> "NO_DATA".equals(js("return document.getElementById('status-filter').value")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#candidates tbody tr[data-code='" + world.silent() + "']")));
        wait.until(d -> rowTexts().stream().allMatch(r -> r.contains("无数据")));

        // the districts: a ranked chart and a table; a district drills down into the table
        driver.findElement(By.cssSelector("#headline [data-go=CANDIDATE]")).click();
        WebElement district =
                driver.findElement(By.cssSelector("#districts tbody tr[data-district='" + DISTRICT + "']"));
        assertThat(Integer.parseInt(
                        district.findElements(By.tagName("td")).get(1).getText()))
                .isGreaterThanOrEqualTo(2);
        district.findElement(By.cssSelector("button.link")).click();
        wait.until(d -> DISTRICT.equals(js("return document.getElementById('district-filter').value")));
        wait.until(d -> d.findElements(By.cssSelector("#candidates tbody tr[data-code='" + world.candidate() + "']"))
                        .size()
                == 1);
        String districtName = (String) js("return districtName('" + DISTRICT + "')");
        wait.until(d -> rowTexts().stream().allMatch(r -> r.contains(districtName)));
        assertThat(text("headline-scope")).contains(districtName);

        // keyboard: the code header is a button; Enter sorts and aria-sort says which way
        WebElement codeSort = driver.findElement(By.cssSelector("#candidates th[data-key=code] button"));
        codeSort.sendKeys(Keys.ENTER);
        wait.until(d -> "ascending"
                .equals(d.findElement(By.cssSelector("#candidates th[data-key=code]"))
                        .getAttribute("aria-sort")));
        List<String> codes = rowCodes();
        assertThat(codes).isSorted();
        driver.findElement(By.cssSelector("#candidates th[data-key=code] button"))
                .sendKeys(Keys.ENTER);
        wait.until(d -> "descending"
                .equals(d.findElement(By.cssSelector("#candidates th[data-key=code]"))
                        .getAttribute("aria-sort")));

        // the CSV holds the rows of the screen in the order of the screen, with a BOM and a file name
        driver.findElement(By.id("filter")).sendKeys(world.operator());
        wait.until(d -> rowCodes().size() >= 2 && rowCodes().contains(world.gappy()));
        List<String> shown = rowCodes();
        String csv = download("csv");
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("filename=closure-candidates-2026-10-31-" + DISTRICT + "-CANDIDATE.csv");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("\uFEFFdataCenter.code,");
        List<String> exported =
                csv.lines().skip(2).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(exported).isEqualTo(shown);
        String xlsx = download("xlsx");
        assertThat(xlsx).contains("filename=closure-candidates-2026-10-31-" + DISTRICT + "-CANDIDATE.xlsx", "size=");
        driver.findElement(By.id("filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);

        axe("overview zh");
        screenshot("overview-zh-desktop");
        scrollTo("table-card");
        screenshot("candidates-zh-desktop");
        scrollTo("gaps-card");
        screenshot("gaps-zh-desktop");

        // the watch list and the decided sites are tabs of the same table
        driver.findElement(By.id("tab-watch")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("tab-watch")).getAttribute("aria-selected")));
        wait.until(d -> !d.findElements(By.cssSelector("#candidates tbody tr")).isEmpty());
        driver.findElement(By.id("tab-watch")).sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> "true".equals(d.findElement(By.id("tab-consolidating")).getAttribute("aria-selected")));
        axe("tabs zh");
        driver.findElement(By.id("tab-candidates")).click();

        // the reporting gaps: the gappy site owes nine months of the twelve, the silent one all twelve
        wait.until(d -> d.findElements(By.cssSelector("#gaps tbody tr[data-code='" + world.gappy() + "']"))
                        .size()
                == 1);
        assertThat(driver.findElements(By.cssSelector("#gaps tbody tr[data-code='" + world.gappy() + "'] td.missing")))
                .hasSize(9);
        assertThat(driver.findElements(By.cssSelector("#gaps tbody tr[data-code='" + world.silent() + "'] td.missing")))
                .hasSize(12);
        assertThat(driver.findElements(By.cssSelector("#gaps tbody tr[data-code='" + world.candidate() + "']")))
                .isEmpty();

        // the language switch changes every label, and the headline and tables follow
        WebElement heading = driver.findElement(By.cssSelector("[data-i18n=targets]"));
        assertThat(heading.getText()).isEqualTo("规划目标");
        assertThat((Boolean) js("return [...document.fonts].some(f => f.family.includes('Noto Sans SC') "
                        + "&& f.status === 'loaded')"))
                .as("the served CJK font is used")
                .isTrue();
        driver.findElement(By.id("lang")).click();
        assertThat(heading.getText()).isEqualTo("Plan targets");
        assertThat(driver.findElement(By.cssSelector("#candidates thead th[data-key=code]"))
                        .getText())
                .isEqualTo("Code");
        assertThat(driver.findElement(By.cssSelector("[data-go=CONSOLIDATING] .figure-label"))
                        .getText())
                .isEqualTo("Under decision");
        js("window.scrollTo(0, 0)");
        axe("overview en");
        screenshot("overview-en-desktop");
        scrollTo("table-card");
        screenshot("candidates-en-desktop");
        scrollTo("gaps-card");
        screenshot("gaps-en-desktop");

        // on paper: A4 landscape (1047 px between 10 mm margins), controls gone, the table whole
        driver.manage().window().setSize(new Dimension(1047, 900));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        js("window.dispatchEvent(new Event('beforeprint'))");
        assertThat(js("return getComputedStyle(document.getElementById('csv')).display"))
                .isEqualTo("none");
        Number overflow = (Number) js("const t = document.getElementById('candidates');"
                + "return t.getBoundingClientRect().right - document.documentElement.clientWidth");
        assertThat(overflow.doubleValue())
                .as("the candidate table fits the page width")
                .isLessThanOrEqualTo(0);
        screenshot("print-en");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        noConsoleErrors();
    }

    @Test
    void anySiteOpensInAPanelWithTheRuleItsChartAndItsDecisions() throws IOException {
        startBrowser(1440, 900);
        signIn();
        wait.until(d -> number("h-candidates") >= 2);

        // a code that does not exist says so, in the page's language; the next site clears the message
        search("NOPE-1");
        WebElement panelMessage = driver.findElement(By.cssSelector("#site-panel > .card-message"));
        wait.until(d -> panelMessage.getText().contains("没有编号为 NOPE-1 的数据中心"));
        driver.findElement(By.id("site-close")).click();

        // the gappy site: thirteen missing months, shown as a labelled gap on a time axis; the lines break there
        search(world.gappy());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-title"), world.gappy()));
        wait.until(d -> text("pue-missing").contains("2025-07 – 2026-07"));
        assertThat(text("pue-missing")).contains("13");
        wait.until(d -> d.findElements(By.cssSelector("#pue-chart canvas")).size() > 0);
        Map<?, ?> chart = (Map<?, ?>) js("const o = echarts.getInstanceByDom(document.getElementById('pue-chart'))"
                + ".getOption(); const at = (s, m) => (o.series[s].data.find(p => p[0] === m + '-01') || [])[1];"
                + "return {axis: o.xAxis[0].type, bands: o.series[0].markArea.data.length,"
                + " gapMonthly: at(0, '2025-12'), gapTrailing: at(1, '2025-12'), before: at(0, '2025-06'),"
                + " aria: o.aria.enabled}");
        assertThat(chart.get("axis")).isEqualTo("time");
        assertThat(((Number) chart.get("bands")).intValue()).isEqualTo(1);
        assertThat(chart.get("gapMonthly")).isNull();
        assertThat(chart.get("gapTrailing")).isNull();
        assertThat(((Number) chart.get("before")).doubleValue()).isEqualTo(2.0);
        assertThat(chart.get("aria")).isEqualTo(Boolean.TRUE);
        assertThat(driver.findElement(By.id("pue-chart")).getAttribute("aria-label"))
                .contains(world.gappy());
        wait.until(d -> text("site-rule").contains("3"));
        assertThat(text("site-rule")).contains("2.000", "300", "800", "2010-01-01");
        axe("site panel zh");
        screenshot("site-zh-desktop");

        // the candidate, from its row: the saving worked through and where its load could go, named
        driver.findElement(By.id("site-close")).click();
        driver.findElement(By.id("filter")).sendKeys(world.candidate());
        By row = By.cssSelector("#candidates tbody tr[data-code='" + world.candidate() + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElement(row).getText()).contains("1.900", "✓");
        driver.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-title"), world.candidate()));
        wait.until(d -> text("site-rule").contains("1.900") && text("site-rule").contains("kWh"));
        wait.until(d -> text("site-consolidation").contains(world.receiver()));
        assertThat(text("site-consolidation")).contains("Test site " + world.receiver(), world.operator());

        search(world.decided());
        wait.until(d -> text("site-decisions").contains("尚无处置决定"));
        int decidedBefore = number("h-consolidating");

        // a decision recorded from the panel: listed, in the status history, and counted in the headline
        WebElement form = driver.findElement(By.id("decision-form"));
        new Select(form.findElement(By.name("action"))).selectByValue("MERGE");
        form.findElement(By.name("receivingSite")).sendKeys(world.receiver());
        form.findElement(By.name("note")).sendKeys("合并至高效机房");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> text("site-decisions").contains("合并至高效机房"));
        wait.until(d -> text("site-history").contains("执行中"));
        wait.until(d -> number("h-consolidating") == decidedBefore + 1);

        // a site that never reported says so instead of drawing an empty chart
        driver.findElement(By.id("site-close")).click();
        search(world.silent());
        wait.until(d -> text("pue-missing").contains("没有任何报送"));
        assertThat(driver.findElement(By.id("pue-chart")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#site-panel > .card-message"))
                        .getText())
                .isEmpty();

        driver.findElement(By.id("site-close")).click();
        driver.findElement(By.id("lang")).click();
        search(world.gappy());
        wait.until(d -> text("pue-missing").contains("months missing"));
        axe("site panel en");
        screenshot("site-en-desktop");
        noConsoleErrors();

        // an expired token: the page goes back to sign-in and says why, with nothing stale left on screen
        driver.findElement(By.id("site-close")).click();
        js("state.token = 'expired.' + state.token.split('.')[1] + '.x'");
        new Select(driver.findElement(By.id("year"))).selectByValue("2024");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(text("sign-in-message")).isEqualTo("Your sign-in has expired. Please sign in again.");
        assertThat(driver.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    @Test
    void onAPhoneTheTablesBecomeCardsAndNothingOverflows() throws IOException {
        startBrowser(390, 844);
        signIn();
        wait.until(d -> number("h-candidates") >= 2);
        By row = By.cssSelector("#candidates tbody tr[data-code='" + world.candidate() + "']");
        driver.findElement(By.id("filter")).sendKeys(world.operator());
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(js("return getComputedStyle(document.querySelector(\"#candidates tbody tr\")).display"))
                .isEqualTo("block");
        Number width = (Number) js("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
        axe("phone zh");
        screenshot("overview-zh-phone");
        scrollTo("table-card");
        screenshot("candidates-zh-phone");
        search(world.gappy());
        wait.until(d -> text("pue-missing").contains("2025-07"));
        screenshot("site-zh-phone");
        driver.findElement(By.id("site-close")).click();
        driver.findElement(By.id("lang")).click();
        js("window.scrollTo(0, 0)");
        axe("phone en");
        screenshot("overview-en-phone");
        scrollTo("gaps-card");
        screenshot("gaps-en-phone");
        search(world.candidate());
        wait.until(d -> text("site-consolidation").contains(world.receiver())
                || text("site-decisions").length() > 0);
        screenshot("site-en-phone");
        noConsoleErrors();
    }

    /* ---------- helpers ---------- */

    private void signIn() {
        driver.get(page.toString());
        js("localStorage.setItem('dceff.lang', 'zh')");
        driver.navigate().refresh();
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(TestTokens.regulator());
        driver.findElement(By.id("sign-in-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headline")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** A headline figure as a number, or -1 while it shows none. */
    private int number(String id) {
        String value = text(id).replace(",", "");
        return value.matches("[0-9]+") ? Integer.parseInt(value) : -1;
    }

    private List<String> rowCodes() {
        @SuppressWarnings("unchecked")
        List<String> codes =
                (List<String>) js("return [...document.querySelectorAll('#candidates tbody tr[data-code]')]"
                        + ".map(r => r.dataset.code)");
        return codes;
    }

    /** The rows' text read at once (the table is drawn again as each part of the page arrives). */
    private List<String> rowTexts() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) js(
                "return [...document.querySelectorAll('#candidates tbody tr[data-code]')]" + ".map(r => r.innerText)");
        return texts;
    }

    private void search(String code) {
        WebElement box = driver.findElement(By.id("dc-code"));
        if ((Boolean) js("return document.getElementById('site-panel').open")) {
            driver.findElement(By.id("site-close")).click();
        }
        box.clear();
        box.sendKeys(code);
        js("document.querySelector('#site-search-form button').click()");
        wait.until(d -> (Boolean) js("return document.getElementById('site-panel').open")
                && (text("site-title").equals(code) || text("site-title").startsWith(code + " ·")));
    }

    private void scrollTo(String id) {
        js("document.getElementById('" + id + "').scrollIntoView({block: 'start'})");
    }

    /**
     * What a download button would save: the page's export address for what it shows, fetched with the page's
     * token, as the file name from Content-Disposition, the size, and the text.
     */
    private String download(String format) {
        return (String) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[0];"
                        + "fetch(exportUrl('" + format + "'), {headers: {Authorization: 'Bearer ' + state.token}})"
                        + ".then(r => r.arrayBuffer().then(b => done(r.headers.get('Content-Disposition').replace(/.*filename=\"(.*)\"/, 'filename=$1')"
                        + " + ' size=' + b.byteLength + '\\n' + new TextDecoder('utf-8', {ignoreBOM: true}).decode(b))))"
                        + ".catch(e => done('failed ' + e));");
    }

    /** axe-core on the page as it is: no serious or critical violation. */
    private void axe(String view) throws IOException {
        if (!(Boolean) js("return typeof axe !== 'undefined'")) {
            try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
                js(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String violations = (String) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[0];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')"
                        + " + ': ' + n.failureSummary)})), null, 1))).catch(e => done('axe failed: ' + e));");
        assertThat(violations).as("axe-core, " + view).isEqualTo("[]");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(
                ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void noConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // the unknown code looked up on purpose answers 404, which the browser logs
                .filter(e -> !e.getMessage().contains("NOPE-1"))
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    /**
     * One operator's sites in one district, reporting to the page's last month: a candidate (PUE 1.9), a candidate
     * with a 13-month gap (2025-07 … 2026-07, PUE 2.0 on the three months of its window), a third candidate (PUE 1.8)
     * to record a decision on, an efficient large site that can receive their load, a small old site that never
     * reported (NO_DATA) and a middling large one; and a carrier's new base stations of the page's year.
     */
    private static World world() {
        String operator = createOrganization("OPERATOR");
        String candidate = site(operator, 300, LocalDate.of(2010, 3, 1));
        String gappy = site(operator, 300, LocalDate.of(2010, 1, 1));
        String receiver = site(operator, 1200, LocalDate.of(2018, 6, 1));
        String silent = site(operator, 300, LocalDate.of(2012, 1, 1));
        String middling = site(operator, 900, LocalDate.of(2012, 1, 1));
        String decided = site(operator, 400, LocalDate.of(2011, 5, 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 11); !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            if (!m.isBefore(YearMonth.of(2024, 11))) {
                rows.add(report(candidate, m, 190_000, 100_000));
                rows.add(report(receiver, m, 250_000, 200_000));
                rows.get(rows.size() - 1).put("racksInUse", 600);
                rows.add(report(middling, m, 300_000, 200_000));
                rows.add(report(decided, m, 180_000, 100_000));
            }
            if (m.isBefore(YearMonth.of(2025, 7)) || m.isAfter(YearMonth.of(2026, 7))) {
                rows.add(report(gappy, m, 200_000, 100_000));
            }
        }
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);

        String carrier = createOrganization("CARRIER");
        String other = createOrganization("CARRIER");
        List<Map<String, Object>> stations = new ArrayList<>();
        String[] districts = {"310101", DISTRICT, "310115"};
        for (int i = 0; i < 9; i++) {
            stations.add(Map.of(
                    "siteId",
                    uniqueCode("BS"),
                    "district",
                    districts[i % 3],
                    "technology",
                    "5G",
                    "builtOn",
                    LocalDate.of(YEAR, 1 + i, 10).toString(),
                    "sharedWith",
                    i % 3 == 0 ? List.of() : List.of(other)));
        }
        as(TestTokens.carrier(carrier))
                .body(stations)
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        return new World(operator, candidate, gappy, decided, receiver, silent);
    }

    private static String site(String operator, int racks, LocalDate commissionedOn) {
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, racks, commissionedOn);
        body.put("district", DISTRICT);
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }

    private static Map<String, Object> report(String dc, YearMonth period, long facilityKwh, long itKwh) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataCenterCode", dc);
        row.put("period", period.toString());
        row.put("facilityKwh", facilityKwh);
        row.put("itKwh", itKwh);
        return row;
    }
}
