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
import java.net.URL;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The regulator dashboard at / in a real browser: Debian's headless Chromium driven by Selenium, on a small
 * world made through the API (the test database has no sample data). Skipped when Chromium is not installed.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    /** The page's default assessment date and year (the sample data is tied to them). */
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);
    private static final int YEAR = 2025;

    @TestHTTPResource("/")
    URL page;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        profile = Files.createTempDirectory("dceff-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,2400", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aRegulatorSeesTargetsCandidatesAndAPueChartInBothLanguages() throws IOException {
        String candidate = world();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

        driver.get(page.toString());
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(TestTokens.regulator());
        driver.findElement(By.id("sign-in-button")).click();

        // targets: the five of the plan, each with a progress bar and a status
        wait.until(d -> d.findElements(By.cssSelector("#targets .target")).size() == 5);
        assertThat(driver.findElements(By.cssSelector("#targets .bar .fill"))).hasSize(5);
        assertThat(driver.findElement(By.cssSelector("#targets [data-id=CLOSURE_PROGRESS]")).isDisplayed()).isTrue();
        // the year's figures as of its end, the deadline's own day: a target not met is missed, no longer behind
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-as-of"), YEAR + "-12-31"));
        for (WebElement target : driver.findElements(By.cssSelector("#targets .target"))) {
            String status = target.getAttribute("data-status");
            assertThat(status).isIn("MET", "MISSED", "NO_BASELINE");
            assertThat(target.findElement(By.cssSelector(".badge")).getAttribute("class")).contains(status.toLowerCase());
        }
        // and a trend of each target over the plan's years 2022–2025, the chosen year outlined
        wait.until(d -> d.findElements(By.cssSelector("#targets .trend rect")).size() == 5 * 4);
        assertThat(driver.findElements(By.cssSelector("#targets .trend rect.chosen[data-year='" + YEAR + "']")))
                .hasSize(5);

        // the candidate table holds the small, old, inefficient site with its evidence
        By row = By.cssSelector("#candidates tbody tr[data-code='" + candidate + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElement(row).getText()).contains("1.900", "✓");
        driver.findElement(By.id("filter")).sendKeys(candidate);
        wait.until(d -> d.findElements(By.cssSelector("#candidates tbody tr")).size() == 1);

        // its PUE chart: an ECharts canvas with the monthly and trailing lines
        driver.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pue-facts"), candidate));
        wait.until(d -> !d.findElements(By.cssSelector("#pue-chart canvas")).isEmpty());
        Object series = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('pue-chart')).getOption().series.length");
        assertThat(((Number) series).intValue()).isEqualTo(2);
        wait.until(d -> !d.findElements(By.cssSelector("#sharing-chart canvas")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("#districts tbody tr")).size() == 16);

        // the language switch changes every label: Chinese by default, then English
        WebElement heading = driver.findElement(By.cssSelector("[data-i18n=targets]"));
        assertThat(heading.getText()).isEqualTo("规划目标");
        driver.findElement(By.id("lang")).click();
        assertThat(heading.getText()).isEqualTo("Plan targets");
        assertThat(driver.findElement(By.cssSelector("#candidates thead th[data-key=code]")).getText()).isEqualTo("Code");
        driver.findElement(By.id("filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> d.findElements(By.cssSelector("#candidates tbody tr")).size() > 1);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    /**
     * An operator with three sites reporting from 2024-11 to the page's last month: one small, old and
     * inefficient (a candidate), two efficient; and a carrier's new base stations of the page's year.
     * @return the candidate's code
     */
    private static String world() {
        String operator = createOrganization("OPERATOR");
        String candidate = site(operator, 300, LocalDate.of(2010, 3, 1), "310107");
        String efficient = site(operator, 1200, LocalDate.of(2018, 6, 1), "310115");
        String middling = site(operator, 900, LocalDate.of(2012, 1, 1), "310107");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2024, 11); !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            rows.add(report(candidate, m, 190_000, 100_000));
            rows.add(report(efficient, m, 250_000, 200_000));
            rows.add(report(middling, m, 300_000, 200_000));
        }
        as(TestTokens.operator(operator)).body(rows).post("/api/v1/energy-reports/batch").then().statusCode(201);

        String carrier = createOrganization("CARRIER");
        String other = createOrganization("CARRIER");
        List<Map<String, Object>> stations = new ArrayList<>();
        String[] districts = {"310101", "310107", "310115"};
        for (int i = 0; i < 9; i++) {
            stations.add(Map.of("siteId", uniqueCode("BS"), "district", districts[i % 3], "technology", "5G",
                    "builtOn", LocalDate.of(YEAR, 1 + i, 10).toString(), "sharedWith", i % 3 == 0 ? List.of() : List.of(other)));
        }
        as(TestTokens.carrier(carrier)).body(stations).post("/api/v1/base-stations/batch").then().statusCode(200);
        return candidate;
    }

    private static String site(String operator, int racks, LocalDate commissionedOn, String district) {
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, racks, commissionedOn);
        body.put("district", district);
        as(TestTokens.operator(operator)).body(body).post("/api/v1/data-centers").then().statusCode(201);
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
