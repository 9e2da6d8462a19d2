package io.dceff.dashboard;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.creditCode;
import static io.dceff.support.Api.uniqueCode;
import static io.dceff.support.IdentityProviderTestResource.LOGIN_TOKEN_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.HeadlessChromium;
import io.dceff.support.IdentityProviderTestResource;
import io.dceff.support.TestTokens;
import io.dceff.support.Workbooks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's and the carrier's pages in a real browser, signed in with the identity provider's tokens:
 * an upload with one bad row is refused with the row named and nothing stored, the corrected file is
 * stored and shown, each sees only its own organization, and axe-core finds nothing serious, on a desktop
 * and on a phone.
 */
@QuarkusTest
class PortalBrowserTest {

    @TestHTTPResource("/operator.html")
    URL operatorPage;

    @TestHTTPResource("/carrier.html")
    URL carrierPage;

    @TestHTTPResource("/")
    URL dashboardPage;

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(), "Chromium is not installed: apt-get install -y chromium chromium-driver");
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("dceff-upload-");
        return Files.write(dir.resolve(name), content);
    }

    /** Signs in through the identity provider's login page as a user of a role and an organization. */
    private static void signIn(WebDriver driver, WebDriverWait wait, URL page, String role, String org) {
        driver.get(page.toString());
        providerLogin(
                driver, wait, role + "-user", "{\"groups\": [\"" + role + "\"], \"org\": \"" + org + "\"}", "view");
    }

    /** Signs in with a token pasted into the page (what a client without the provider's sign-in does). */
    private static void pasteToken(WebDriver driver, WebDriverWait wait, URL page, String token) {
        driver.get(page.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(token);
        driver.findElement(By.id("sign-in-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view")));
    }

    private static void upload(WebDriver driver, Path file) {
        driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    }

    @Test
    void anOperatorUploadsABadFileThenAGoodOneAndSeesOnlyItsOwnSites() throws IOException {
        String op = createOrganization("OPERATOR");
        String other = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String theirs = createDataCenter(other, 300, LocalDate.of(2012, 1, 1));
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(driver, wait, operatorPage, "operator", op);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + dc + "']")));
            assertThat(driver.findElements(By.cssSelector("#data-centers tbody tr")))
                    .hasSize(1);
            assertThat(driver.findElements(By.cssSelector("tr[data-code='" + theirs + "']")))
                    .isEmpty();

            // CSV with a bad second row: refused, the row named, nothing stored
            upload(
                    driver,
                    file(
                            "months.csv",
                            ("dataCenterCode,period,facilityKwh,itKwh\n" + dc + ",2024-01,1500,1000\n" + dc
                                            + ",2024-02,lots,1000\n")
                                    .getBytes(StandardCharsets.UTF_8)));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-result table.errors")));
            assertThat(driver.findElement(By.cssSelector("#upload-result tbody"))
                            .getText())
                    .contains("2", "facilityKwh");
            assertStoredMonths(dc);

            // XLSX with a bad row, then a good one: stored and shown as the last month reported
            upload(
                    driver,
                    file(
                            "bad.xlsx",
                            Workbooks.of(
                                    List.of("dataCenterCode", "period", "facilityKwh", "itKwh"),
                                    List.of(List.of(dc, "2024-03", 1500, 1000), List.of(dc, "2024-13", 1500, 1000)))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#upload-result tbody"), "period"));
            upload(
                    driver,
                    file(
                            "good.xlsx",
                            Workbooks.of(
                                    List.of("dataCenterCode", "period", "facilityKwh", "itKwh"),
                                    List.of(List.of(dc, "2024-03", 1500, 1000), List.of(dc, "2024-04", 1480, 1000)))));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-result .ok")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-code='" + dc + "'] .last-month"), "2024-04"));
            // months owed as the reporting gaps count them: the last 12 that have ended, none reported since 2024
            assertThat(driver.findElement(By.cssSelector("tr[data-code='" + dc + "'] .missing"))
                            .getText())
                    .startsWith("12 (");
            assertStoredMonths(dc, "2024-03", "2024-04");

            assertThat(chromium.seriousAccessibilityViolations())
                    .as("axe-core, operator page, desktop")
                    .isEmpty();
            driver.findElement(By.id("lang")).click();
            assertThat(driver.findElement(By.id("dcs-title")).getText()).isEqualTo("My data centers");
            // and what came from the API: no report in the closure window, so no data
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-code='" + dc + "'] .closure"), "No data (report!)"));
            assertThat(driver.findElement(By.cssSelector("#reg-district option[value='310101']"))
                            .getText())
                    .isEqualTo("310101 Huangpu");
            driver.manage().window().setSize(new Dimension(390, 844));
            assertThat(chromium.seriousAccessibilityViolations())
                    .as("axe-core, operator page, phone")
                    .isEmpty();
            WebElement chooser = driver.findElement(By.id("upload-file"));
            WebElement card = driver.findElement(By.id("upload"));
            assertThat(chooser.getRect().getX() + chooser.getRect().getWidth())
                    .as("the file chooser stays inside its card on a phone")
                    .isLessThanOrEqualTo(card.getRect().getX() + card.getRect().getWidth());
        }
    }

    /** The months stored for a data center, as the regulator reads them: exactly these, oldest first. */
    private static void assertStoredMonths(String dc, String... periods) {
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(200)
                .body("items.period", equalTo(List.of(periods)));
    }

    /** Submits a month in the operator page's form. */
    private static void reportMonth(WebDriver driver, String dc, String period, String facilityKwh, String itKwh) {
        new Select(driver.findElement(By.id("month-dc"))).selectByValue(dc);
        setValue(driver, "month-period", period);
        driver.findElement(By.id("month-facility")).sendKeys(facilityKwh);
        driver.findElement(By.id("month-it")).sendKeys(itKwh);
        driver.findElement(By.cssSelector("#month-form button[type=submit]")).click();
    }

    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    @Test
    void anOperatorRegistersASiteReportsAMonthAndCorrectsIt() throws IOException {
        String op = createOrganization("OPERATOR");
        String site = uniqueCode("WEB");
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 2400)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            pasteToken(driver, wait, operatorPage, IdentityProviderTestResource.token("operator", op));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#reg-district option[value='310115']")));

            driver.findElement(By.id("reg-code")).sendKeys(site);
            driver.findElement(By.id("reg-name")).sendKeys("Web site");
            new Select(driver.findElement(By.id("reg-district"))).selectByValue("310115");
            driver.findElement(By.id("reg-racks")).sendKeys("300");
            setValue(driver, "reg-commissioned", "2013-05-01");
            driver.findElement(By.cssSelector("#register-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + site + "']")));
            as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + site)
                    .then()
                    .body("operatorCode", equalTo(op))
                    .body("racks", equalTo(300));

            // the same code again: refused with the service's reason, nothing changed
            driver.findElement(By.id("reg-code")).sendKeys(site);
            driver.findElement(By.id("reg-name")).sendKeys("Twice");
            driver.findElement(By.id("reg-racks")).sendKeys("10");
            setValue(driver, "reg-commissioned", "2013-05-01");
            driver.findElement(By.cssSelector("#register-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#register-result .message")));
            as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + site)
                    .then()
                    .body("name", equalTo("Web site"));

            reportMonth(driver, site, "2024-05", "1500", "1000");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#month-result .ok")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-code='" + site + "'] .last-month"), "2024-05"));

            new Select(driver.findElement(By.id("rev-dc"))).selectByValue(site);
            setValue(driver, "rev-period", "2024-05");
            driver.findElement(By.cssSelector("#revisions-form button[type=submit]"))
                    .click();
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#revisions tr[data-revision='1']")));
            WebElement facility = driver.findElement(By.id("correct-facility"));
            assertThat(facility.getAttribute("value")).isEqualTo("1500");
            facility.clear();
            facility.sendKeys("1400");
            driver.findElement(By.id("correct-note")).sendKeys("meter re-read");
            driver.findElement(By.cssSelector("#correct-form button[type=submit]"))
                    .click();
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#revisions tr[data-revision='2']")));
            assertThat(driver.findElement(By.cssSelector("#revisions tr[data-revision='2']"))
                            .getText())
                    .contains("1400", "meter re-read");
            assertThat(driver.findElement(By.cssSelector("#revisions tr[data-revision='1']"))
                            .getText())
                    .contains("1500");
            as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + site + "/energy-reports/2024-05/revisions")
                    .then()
                    .body("facilityKwh", equalTo(List.of(1500, 1400)))
                    .body("note[1]", equalTo("meter re-read"));
            assertThat(chromium.seriousAccessibilityViolations())
                    .as("axe-core, operator forms")
                    .isEmpty();
        }
    }

    @Test
    void onTheEmbeddedDefaultADevelopmentSignInActsForTheOrganizationChosen() throws IOException {
        // a code that sorts before the other tests' organizations, so it is among those offered
        String carrier = "A1-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        as(TestTokens.admin())
                .body(Map.of(
                        "code", carrier, "name", "Carrier " + carrier, "kind", "CARRIER", "creditCode", creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(carrierPage.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-sign-in")));
            Select organizations = new Select(driver.findElement(By.id("dev-org")));
            assertThat(organizations.getOptions())
                    .as("carriers only")
                    .allMatch(o -> !o.getAttribute("value").startsWith("OP-"));
            organizations.selectByValue(carrier);
            driver.findElement(By.id("dev-sign-in-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), carrier));
        }
    }

    @Test
    void theOperatorPageWorksFromTheKeyboardAlone() throws IOException {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            pasteToken(driver, wait, operatorPage, IdentityProviderTestResource.token("operator", op));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + dc + "']")));

            // Tab goes round the page and reaches every control, the forms' in the order they are shown
            ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
            // (a month field takes a Tab per part, so the same control may come twice in a row)
            List<String> reached = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                String id = driver.switchTo().activeElement().getAttribute("id");
                id = id == null ? "" : id;
                if (!id.isEmpty() && reached.contains(id) && !id.equals(reached.get(reached.size() - 1))) {
                    break; // round the page once
                }
                if (reached.isEmpty() || !id.equals(reached.get(reached.size() - 1))) {
                    reached.add(id);
                }
            }
            assertThat(reached)
                    .contains("lang", "sign-out")
                    .containsSubsequence(
                            "month-dc",
                            "month-period",
                            "month-facility",
                            "month-it",
                            "rev-dc",
                            "rev-period",
                            "reg-code",
                            "reg-name",
                            "reg-district",
                            "reg-racks",
                            "reg-commissioned",
                            "template-csv",
                            "template-xlsx",
                            "upload-file");

            // a month typed in and sent with Enter
            driver.findElement(By.id("month-dc")).sendKeys(dc);
            setValue(driver, "month-period", "2024-07"); // a month field's keys depend on the browser's locale
            driver.findElement(By.id("month-facility")).sendKeys("1500");
            driver.findElement(By.id("month-it")).sendKeys("1000", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#month-result .ok")));
            assertStoredMonths(dc, "2024-07");
        }
    }

    @Test
    void aCarrierWithMoreUnsharedSitesThanAPageIsToldSo() throws IOException {
        String carrier = createOrganization("CARRIER");
        int year = LocalDate.now().getYear() - 1;
        StringBuilder csv = new StringBuilder("siteId,district,technology,builtOn,sharedWith\n");
        for (int i = 0; i < 501; i++) {
            csv.append("U-").append(i).append(",310115,5G,").append(year).append("-03-01,\n");
        }
        as(TestTokens.carrier(carrier))
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            pasteToken(driver, wait, carrierPage, IdentityProviderTestResource.token("carrier", carrier));
            WebElement yearField = driver.findElement(By.id("year"));
            yearField.clear();
            yearField.sendKeys(Integer.toString(year), Keys.TAB);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unshared-count"), "501"));
            assertThat(driver.findElement(By.id("unshared-count")).getText()).isEqualTo("显示前 500 个，共 501 个");
            assertThat(driver.findElements(By.cssSelector("#unshared tbody tr")))
                    .hasSize(500);
        }
    }

    @Test
    void aCarrierUploadsBaseStationsAndSeesItsOwnSharing() throws IOException {
        String carrier = createOrganization("CARRIER");
        String partner = createOrganization("CARRIER");
        int year = LocalDate.now().getYear() - 1;
        // the partner's own new site, unshared, in the same district and year: never on this carrier's page
        as(TestTokens.carrier(partner))
                .contentType("text/csv")
                .body("siteId,district,technology,builtOn,sharedWith\nP-1,310115,5G," + year + "-05-01,\n")
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(driver, wait, carrierPage, "carrier", carrier);
            List<String> header = List.of("siteId", "district", "technology", "builtOn", "sharedWith");
            upload(
                    driver,
                    file(
                            "bad.xlsx",
                            Workbooks.of(
                                    header,
                                    List.of(
                                            List.of("B-1", "310115", "5G", year + "-03-01", partner),
                                            List.of("B-2", "999999", "5G", year + "-03-01", "")))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#upload-result tbody"), "district"));
            as(TestTokens.carrier(carrier)).get("/api/v1/base-stations").then().body("total", equalTo(0));

            upload(
                    driver,
                    file(
                            "good.csv",
                            ("siteId,district,technology,builtOn,sharedWith\nB-1,310115,5G," + year + "-03-01,"
                                            + partner + "\nB-2,310115,5G," + year + "-04-01,\n")
                                    .getBytes(StandardCharsets.UTF_8)));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-result .ok")));
            driver.findElement(By.id("year")).clear();
            driver.findElement(By.id("year")).sendKeys(Integer.toString(year), Keys.TAB);
            // the table is drawn again after the upload and after the year changes: read it once it shows the year
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#sharing tr[data-district='310115']"), "50.0%"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), Integer.toString(year)));
            String row = wait.until(d -> {
                try {
                    return d.findElement(By.cssSelector("#sharing tr[data-district='310115']"))
                            .getText();
                } catch (StaleElementReferenceException redrawn) {
                    return null;
                }
            });
            assertThat(row).contains("2", "1", "50.0%");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unshared"), "B-2"));
            assertThat(driver.findElement(By.id("unshared")).getText())
                    .doesNotContain("B-1")
                    .doesNotContain("P-1");
            assertThat(chromium.seriousAccessibilityViolations())
                    .as("axe-core, carrier page")
                    .isEmpty();
            driver.findElement(By.id("lang")).click();
            assertThat(driver.findElement(By.id("sharing-title")).getText()).isEqualTo("My sharing of new sites");
            driver.manage().window().setSize(new Dimension(390, 844));
            assertThat(chromium.seriousAccessibilityViolations())
                    .as("axe-core, carrier page, phone")
                    .isEmpty();
        }
    }

    /**
     * Signs in on the identity provider's own login page (a user name, and the claims it puts in the token) and
     * waits for the page's signed-in view.
     */
    private static void providerLogin(WebDriver driver, WebDriverWait wait, String user, String claims, String view) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idp-sign-in-button")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")))
                .sendKeys(user);
        WebElement box = driver.findElement(By.name("claims"));
        box.clear();
        box.sendKeys(claims);
        driver.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(view)));
    }

    @Test
    void aSessionFromTheLoginPageRenewsItsTokenBeforeItExpiresAndGoesOnWorking() throws IOException {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(driver, wait, operatorPage, "operator", op);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            String first = (String) js.executeScript("return sessionStorage.getItem('dceff.token')");
            assertThat(first).isNotBlank();
            // renewed before it expires: a new token, and still the operator's
            String renewed = new WebDriverWait(driver, Duration.ofSeconds(4L * LOGIN_TOKEN_SECONDS)).until(d -> {
                String now = (String) js.executeScript("return sessionStorage.getItem('dceff.token')");
                return now != null && !now.equals(first) ? now : null;
            });
            as(renewed).get("/api/v1/data-centers/" + dc).then().statusCode(200);
            assertThat(driver.findElement(By.id("view")).isDisplayed()).isTrue();

            // the page goes on with the renewed token: a month submitted in the form is stored
            reportMonth(driver, dc, "2024-06", "1500", "1000");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#month-result .ok")));
            assertStoredMonths(dc, "2024-06");
        }
    }

    @Test
    void aSessionWhoseRenewalIsRefusedEndsWhenItsTokenExpiresWithTheReasonShown() throws IOException {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            signIn(driver, wait, operatorPage, "operator", op);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + dc + "']")));
            // the provider no longer knows the page's refresh token (revoked): it refuses the renewal
            assertThat(((JavascriptExecutor) driver).executeScript("""
                                    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
                                    if (!key) return false;
                                    const user = JSON.parse(sessionStorage.getItem(key));
                                    user.refresh_token = 'revoked';
                                    sessionStorage.setItem(key, JSON.stringify(user));
                                    return true;"""))
                    .as("the page keeps the provider's session in its tab")
                    .isEqualTo(true);
            new WebDriverWait(driver, Duration.ofSeconds(4L * LOGIN_TOKEN_SECONDS))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            assertThat(driver.findElement(By.id("view")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("sign-in-message")).getText()).isEqualTo("登录已过期，请重新登录。");
            assertThat((String)
                            ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('dceff.token')"))
                    .as("the expired token is forgotten")
                    .isNull();
        }
    }

    @Test
    void anOperatorACarrierAndARegulatorSignInThroughTheIdentityProvidersLoginPageAndOut() throws IOException {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String carrier = createOrganization("CARRIER");
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1800)) {
            WebDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(operatorPage.toString());
            providerLogin(driver, wait, "olga", "{\"groups\": [\"operator\"], \"org\": \"" + op + "\"}", "view");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + dc + "']")));
            assertThat(driver.findElement(By.id("who")).getText()).contains(op);
            assertThat(driver.getCurrentUrl()).doesNotContain("code=");
            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idp-sign-in-button")));

            driver.get(carrierPage.toString());
            providerLogin(driver, wait, "carl", "{\"groups\": [\"carrier\"], \"org\": \"" + carrier + "\"}", "view");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), carrier));
            assertThat(driver.findElement(By.id("upload-title")).isDisplayed()).isTrue();
            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idp-sign-in-button")));

            driver.get(dashboardPage.toString());
            providerLogin(driver, wait, "rita", "{\"groups\": [\"regulator\"]}", "dashboard");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "rita"));
            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idp-sign-in-button")));
            assertThat(driver.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        }
    }
}
