package kz.aifc.notification.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.EventTypes;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver packages): alerts produced to
 * Kafka appear without a reload, a click acknowledges one, and the change shows; a resolved alert is found again in the
 * History view, its timeline opened and the view exported as CSV.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class DashboardBrowserTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** Where the browser saves the desk's CSV export. */
    private static final java.nio.file.Path DOWNLOADS = java.nio.file.Path.of("target", "downloads").toAbsolutePath();

    private static ChromeDriverService service;
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("The dashboard test needs a real Chromium: " + CHROMIUM + " and " + CHROMEDRIVER + " are missing. "
                    + "Install them with: apt-get update && apt-get install -y chromium chromium-driver");
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(service, options);
        // Headless Chromium saves a download only where it is told to.
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void shouldShowAnAlertFromKafkaLiveLetAComplianceOfficerAcknowledgeItWithAClickAndShowTheChange() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String token = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm).substring("Bearer ".length());
        WebDriverWait wait = openLive(token);
        assertThat(browser.getCurrentUrl()).as("token taken out of the address bar").doesNotContain(token);

        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "CAPITAL", "CRITICAL",
                "Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).",
                OffsetDateTime.now(ZoneId.of("Asia/Almaty")).plusDays(3), "/firms/" + firm
                        + "/reports/capital-breach-notice/" + alertId));

        By row = By.cssSelector("tr[data-alert-id='" + alertId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(text(wait, row)).contains("Critical", "Capital resources below requirement", firm);
        String href = stable(wait, b -> b.findElement(row).findElement(By.partialLinkText("Drafted report")).getAttribute("href"));
        assertThat(href).as("through the desk's own origin").isEqualTo(page.toString().replaceAll("/$", "")
                + "/upstream/capital/firms/" + firm + "/reports/capital-breach-notice/" + alertId);

        // The row is redrawn when the alert changes (an escalation, say): find the button afresh until the click lands.
        stable(wait, b -> {
            b.findElement(row).findElement(By.cssSelector("button[data-action='acknowledge']")).click();
            return true;
        });
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ACKNOWLEDGED"));
        assertThat(text(wait, row))
                .contains("Acknowledged", "by compliance-officer@" + firm);
        assertThat(browser.findElements(By.cssSelector("tr[data-alert-id='" + alertId + "'] button[data-action='acknowledge']")))
                .as("no second acknowledge").isEmpty();
        screenshot("dashboard-compliance-officer.png");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/alerts/{id}", alertId).then()
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("compliance-officer@" + firm));

        // The source service cures the breach: the row leaves the open list without a reload.
        AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(alertId, firm, "Capital restored"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    @Test
    void shouldGiveTheRegulatorEveryFirmsOpenBreachesAndDeadlinesReadOnly() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("FP-001", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "FIT_AND_PROPER", "HIGH",
                "MLRO post vacant", OffsetDateTime.now(ZoneId.of("Asia/Almaty")).minusHours(2), null));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/alerts/{id}", alertId);

        browser.get(page + "#token=" + TestTokens.bearer(Roles.REGULATOR).substring("Bearer ".length()));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        By firmRow = By.cssSelector("#firm-rows tr[data-firm-id='" + firm + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(firmRow));
        assertThat(text(wait, firmRow))
                .contains(firm);
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#firm-rows tr[data-firm-id='" + firm + "'] td.overdue"), 1));

        stable(wait, b -> {
            b.findElement(By.cssSelector("#firm-rows tr[data-firm-id='" + firm + "'] button[data-firm]")).click();
            return true;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-alert-id='" + alertId + "']")));
        By alertRowLocator = By.cssSelector("tr[data-alert-id='" + alertId + "']");
        assertThat(text(wait, alertRowLocator))
                .contains("read only", "overdue by");
        assertThat(browser.findElements(By.cssSelector("tr[data-alert-id='" + alertId + "'] button"))).isEmpty();
        screenshot("dashboard-regulator.png");
        browser.findElement(By.id("forget-token")).click();
    }

    @Test
    void shouldSpeakRussianAndKazakhWhenChosenAndRememberTheChoiceForTheUser() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriverWait wait = openLive(TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm).substring("Bearer ".length()));
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        OffsetDateTime due = OffsetDateTime.now(ZoneId.of("Asia/Almaty")).plusDays(3);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "CAPITAL", "CRITICAL",
                "Capital resources below the requirement.", due, null));
        By row = By.cssSelector("tr[data-alert-id='" + alertId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        try {
            choose("ru");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Панель оповещений МФЦА"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(text(wait, By.id("connection"))).isEqualTo("В реальном времени");
            // Astana time, written the Russian way: "08 дек. 2026 г., 17:40".
            assertThat(text(wait, row)).contains("Критическая", "Принять", "Капитал")
                    .containsPattern("\\d{2} [а-яё]+\\.? \\d{4} г\\., \\d{2}:\\d{2}")
                    .doesNotContain("Critical", "Acknowledge", "read only");

            // The choice is kept for this user: a reload (the token stays in the tab) comes back in Russian.
            browser.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Панель оповещений МФЦА"));

            choose("kk");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "АХҚО ескертулер панелі"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(text(wait, row)).contains("Аса маңызды", "Қабылдау").doesNotContain("Critical")
                    .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4},? \\d{2}:\\d{2}");
            assertThat(text(wait, By.id("alerts-heading"))).isEqualTo("Ашық ескертулер");
            screenshot("dashboard-kazakh.png");
        } finally {
            choose("en");
        }
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "AIFC alert desk"));
        assertThat(text(wait, row)).contains("Critical", "Acknowledge");
        browser.findElement(By.id("forget-token")).click();
    }

    @Test
    void shouldFindAResolvedAlertBySearchShowItsTimelineAndExportTheViewAsCsv() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String resolved = AlertEvents.newAlertId("CAP-001", firm);
        String open = AlertEvents.newAlertId("CAP-001", firm);
        String bearer = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        AlertEvents.raise(resolved, firm, "HIGH");
        AlertEvents.raise(open, firm, "MEDIUM");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().header("Authorization", bearer)
                .get("/alerts").jsonPath().getInt("total") == 2);
        given().header("Authorization", bearer).post("/alerts/{id}/acknowledge", resolved).then().statusCode(200);
        given().header("Authorization", bearer).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"reason\":\"Capital injection received; AFSA notified\"}")
                .post("/alerts/{id}/resolve", resolved).then().statusCode(200);

        WebDriverWait wait = openLive(bearer.substring("Bearer ".length()));
        assertThat(browser.findElement(By.id("history-firm")).getAttribute("value")).isEqualTo(firm);
        browser.findElement(By.id("history-rule")).sendKeys("CAP-001");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("history-status"))).selectByValue("RESOLVED");
        browser.findElement(By.id("history-search")).click();

        By row = By.cssSelector("#history-rows tr[data-history-id='" + resolved + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(text(wait, row)).contains("Resolved", "resolved by compliance-officer@" + firm, "CAP-001", firm)
                .containsPattern("\\d{2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2}");
        assertThat(browser.findElements(By.cssSelector("#history-rows tr[data-history-id='" + open + "']")))
                .as("the open alert is not RESOLVED").isEmpty();
        assertThat(text(wait, By.id("history-range"))).isEqualTo("1–1 of 1");

        browser.findElement(By.cssSelector("button[data-timeline='" + resolved + "']")).click();
        By steps = By.cssSelector("#history-rows tr[data-timeline-of='" + resolved + "'] li");
        wait.until(ExpectedConditions.numberOfElementsToBe(steps, 3));
        java.util.List<String> events = browser.findElements(steps).stream().map(e -> e.getAttribute("data-event")).toList();
        assertThat(events).containsExactly("RAISED", "ACKNOWLEDGED", "RESOLVED");
        String timeline = text(wait, By.cssSelector("#history-rows tr[data-timeline-of='" + resolved + "']"));
        assertThat(timeline).contains("Raised", "Acknowledged", "compliance-officer@" + firm + " (person)",
                "Capital injection received; AFSA notified");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.cssSelector("#history-rows tr[data-timeline-of='" + resolved + "']")));
        screenshot("history-timeline.png");

        java.nio.file.Files.createDirectories(DOWNLOADS);
        browser.findElement(By.id("history-export")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("history-note"), "data-exported-rows", "1"));
        java.nio.file.Path file = DOWNLOADS.resolve(browser.findElement(By.id("history-note"))
                .getAttribute("data-exported-file"));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> java.nio.file.Files.exists(file)
                && java.nio.file.Files.size(file) > 0);
        String csv = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"alertId\",").contains("\"" + resolved + "\"", "\"RESOLVED\"",
                "Capital injection received; AFSA notified").doesNotContain(open);
        assertThat(csv.split("\r\n")).hasSize(2);
        screenshot("history-exported.png");
        browser.findElement(By.id("forget-token")).click();
        assertThat(browser.findElements(By.cssSelector("#history-rows tr"))).as("nothing left for the next user").isEmpty();
    }

    /** Opens the desk with a token in the address, as the demo's link does, and waits for the live stream. */
    @Test
    void shouldLetAnAdminListPauseResumeAndDeleteSubscriptionsFromTheDesk() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("url", "http://127.0.0.1:9/hooks/" + firm, "severities", java.util.List.of("CRITICAL")))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        By row = By.cssSelector("tr[data-subscription-id='" + id + "']");

        openLive(TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm).substring("Bearer ".length()));
        assertThat(browser.findElement(By.id("subscriptions-panel")).isDisplayed()).as("admin only").isFalse();

        WebDriverWait wait = openLive(TestTokens.bearer(Roles.ADMIN).substring("Bearer ".length()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(text(wait, row)).contains("http://127.0.0.1:9/hooks/" + firm, firm, "Critical", "Active");

        stable(wait, b -> {
            b.findElement(row).findElement(By.cssSelector("button[data-subscription-action='pause']")).click();
            return true;
        });
        wait.until(b -> b.findElement(row).getText().contains("Paused"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/subscriptions").then()
                .body("find { it.id == '" + id + "' }.pausedBy", equalTo("admin"));
        choose("kk");
        wait.until(ExpectedConditions.textToBe(By.id("subscriptions-heading"), "Жазылымдар"));
        assertThat(text(wait, row)).contains("тоқтатылған");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('subscriptions-panel').scrollIntoView()");
        screenshot("dashboard-subscriptions-kk.png");
        choose("en");

        stable(wait, b -> {
            b.findElement(row).findElement(By.cssSelector("button[data-subscription-action='resume']")).click();
            return true;
        });
        wait.until(b -> b.findElement(row).getText().contains("Active"));
        stable(wait, b -> {
            b.findElement(row).findElement(By.cssSelector("button[data-subscription-action='delete']")).click();
            return true;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-delete-dialog")));
        assertThat(browser.findElement(By.id("subscription-delete-url")).getText()).contains("/hooks/" + firm);
        browser.findElement(By.cssSelector("#subscription-delete-form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/subscriptions").then()
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    private WebDriverWait openLive(String token) {
        browser.get(page + "#token=" + token);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        return wait;
    }

    private static void choose(String language) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue(language);
    }

    /** Kept under target/ so a reviewer can see what the test saw. */
    private static void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(java.nio.file.Path.of("target", name), png);
        } catch (Exception e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    private static String text(WebDriverWait wait, By locator) {
        return stable(wait, b -> b.findElement(locator).getText());
    }

    /** Retries while the page redraws the element (live updates replace changed rows). */
    private static <T> T stable(WebDriverWait wait, java.util.function.Function<WebDriver, T> read) {
        return wait.ignoring(StaleElementReferenceException.class).until(read);
    }
}
