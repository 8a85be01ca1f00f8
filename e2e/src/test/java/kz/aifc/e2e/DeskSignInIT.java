package kz.aifc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #17 (1, 2, 7): people sign in to the alert desk through the local stack's real Keycloak (its login form, in a
 * headless Chromium), the packaged services trust Keycloak's tokens, and every link opens through the desk: a
 * compliance officer, an MLRO and a regulator sign in and out; the capital breach notice opens from its desk link for
 * those entitled to it; the MLRO opens a case at the case desk (cases.html), decides it through the page's form
 * and opens its STR draft in Russian; a compliance officer who opens the firm's cases or an STR draft gets the plain
 * refusal page, and the case desk's refusal.
 * Screenshots of every screen go to {@code target/screenshots/desk-sign-in/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskSignInIT {

    /** The desk's port: the realm's desk client lets the sign-in return here (deploy/local/keycloak/aifc-realm.json). */
    private static final int DESK_PORT = 8189;
    private static final String DESK = "http://localhost:" + DESK_PORT;
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENS = Path.of("target/screenshots/desk-sign-in");

    private LocalKeycloak keycloak;
    private E2eStack stack;
    private ChromeDriverService driverService;
    private WebDriver browser;
    private WebDriverWait wait;
    private String breachNotice;
    private E2eStack.Service aml;

    @BeforeAll
    void startEverything() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("needs Debian's chromium and chromium-driver (deploy/local/browser.sh ensure)");
        }
        keycloak = LocalKeycloak.ensureRunning(E2eStack.repositoryRoot());
        stack = E2eStack.open("desk-sign-in");
        stack.freshDatabases("capital-service", "aml-service", "licensing-service", "notification-service");
        stack.createTopics();
        Map<String, String> trustKeycloak = Map.of("AIFC_JWT_PUBLIC_KEY", LocalKeycloak.JWKS,
                "AIFC_JWT_ISSUER", LocalKeycloak.ISSUER);
        E2eStack.Service licensing = stack.service("licensing-service").environment(trustKeycloak);
        E2eStack.Service capital = stack.service("capital-service").environment(trustKeycloak);
        aml = stack.service("aml-service").environment(trustKeycloak);
        E2eStack.Service desk = stack.service("notification-service", "quarkus.http.port", String.valueOf(DESK_PORT),
                "aifc.dashboard.report-base-url.capital", capital.url(""),
                "aifc.dashboard.report-base-url.aml", aml.url(""),
                "aifc.dashboard.report-base-url.fit-and-proper", licensing.url(""))
                .env("QUARKUS_PROFILE", null).env("QUARKUS_OIDC_PUBLIC_KEY", null)
                .env("QUARKUS_OIDC_TOKEN_ISSUER", null).env("AIFC_OIDC_URL", LocalKeycloak.ISSUER)
                .env("AIFC_OIDC_CLIENT_SECRET", keycloak.clientSecret());
        List<E2eStack.Service> all = List.of(licensing, capital, aml, desk);
        all.forEach(E2eStack.Service::start);
        all.forEach(E2eStack.Service::awaitReady);

        // The demo day of the dealer (its capital falls under USD 250,000: CAP-001) and the exchange (AML cases),
        // onboarded with Keycloak's admin token, compressed to about half a minute.
        Path log = stack.dir.resolve("simulator.log");
        OffsetDateTime dayStart = OffsetDateTime.now(Deadlines.ALMATY).truncatedTo(ChronoUnit.SECONDS).minusHours(9);
        Process simulator = stack.launch(List.of("-Xmx256m", "-jar",
                stack.root.resolve("simulator/target/simulator-1.0.0-SNAPSHOT.jar").toString(),
                "--scenario", "demo-day", "--firms", "F-DEAL-01,F-DATF-01", "--bootstrap", E2eStack.BOOTSTRAP,
                "--topic-suffix", stack.suffix, "--rate", "40", "--time-scale", "1080", "--start", dayStart.toString(),
                "--licensing", licensing.url(""), "--capital", capital.url(""),
                "--jwt-keys", stack.dir.resolve("jwt").toString()), log,
                Map.of("AIFC_ADMIN_TOKEN", keycloak.bearer("admin").substring("Bearer ".length())));
        assertThat(simulator.waitFor(4, TimeUnit.MINUTES)).as("the demo day ended (log: %s)", log).isTrue();
        assertThat(simulator.exitValue()).as("simulator exit status; log tail:%n%s", Poll.tail(log, 30)).isZero();

        String regulator = keycloak.bearer("regulator");
        Poll.until(Duration.ofSeconds(120), "CAP-001 of F-DEAL-01 at the desk", () -> {
            Http.Answer answer = Http.get(desk.url("/alerts?firmId=F-DEAL-01&status=OPEN,ACKNOWLEDGED&size=100"),
                    regulator);
            if (answer.status() != 200) {
                return false;
            }
            for (JsonNode alert : answer.json().path("items")) {
                if ("CAP-001".equals(alert.path("ruleId").asText())) {
                    breachNotice = alert.path("links").path("report").asText();
                    return true;
                }
            }
            return false;
        });
        startBrowser();
    }

    @AfterAll
    void stopEverything() {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (driverService != null) {
                driverService.stop();
            }
        } finally {
            try {
                if (stack != null) {
                    stack.close();
                }
            } finally {
                if (keycloak != null) {
                    keycloak.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void shouldSignAComplianceOfficerInOpenTheCapitalBreachNoticeAndRefuseTheCasesWithAPlainPage() {
        signIn("compliance-officer.f-deal-01", "01-officer-desk.png");
        assertThat(text(By.id("identity"))).contains("compliance-officer.f-deal-01", "compliance officer", "F-DEAL-01");

        By reportLink = By.cssSelector("tr[data-alert-id^='CAP-001'] a");
        wait.until(ExpectedConditions.visibilityOfElementLocated(reportLink));
        String href = browser.findElement(reportLink).getAttribute("href");
        assertThat(href).isEqualTo(DESK + "/upstream/capital" + breachNotice);
        browser.get(href);
        assertThat(browser.getPageSource()).contains("Notification to AFSA").doesNotContain("not entitled");
        screenshot("02-officer-capital-breach-notice.png");

        browser.get(DESK + "/upstream/aml/firms/F-DEAL-01/cases");
        assertThat(text(By.tagName("h1"))).isEqualTo("You are not entitled to this document");
        assertThat(browser.getPageSource()).contains("MLRO").doesNotContain("Forbidden", "status");
        screenshot("03-officer-refused-cases.png");

        signOut("04-officer-signed-out.png");
    }

    @Test
    @Order(2)
    void shouldSignAnMlroInAndOpenTheFirmsCasesAndStrDraftWhileItsComplianceOfficerIsRefusedThem() {
        String mlro = keycloak.bearer("mlro.f-datf-01");
        Poll.until(Duration.ofSeconds(120), "a case of F-DATF-01 at aml-service", () -> {
            Http.Answer cases = Http.get(aml.url("/firms/F-DATF-01/cases"), mlro);
            return cases.status() == 200 && cases.body().contains("caseId");
        });
        signIn("mlro.f-datf-01", "05-mlro-desk.png");
        assertThat(text(By.id("identity"))).contains("mlro.f-datf-01", "MLRO", "F-DATF-01");
        browser.get(DESK + "/upstream/aml/firms/F-DATF-01/cases");
        String cases = browser.findElement(By.tagName("body")).getText();
        assertThat(cases).doesNotContain("not entitled").contains("caseId");
        screenshot("06-mlro-cases.png");
        String caseId = cases.replaceAll("(?s).*?\"caseId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        browser.get(DESK + "/upstream/aml/cases/" + caseId + "/str-draft");
        assertThat(browser.getPageSource()).doesNotContain("not entitled");
        screenshot("07-mlro-str-draft.png");

        // The case desk: the case opened from the list of the MLRO's own firm (from the session), decided, and its
        // STR draft opened for printing in Russian from its button, as a document with no raw field names.
        browser.get(DESK + "/cases.html?case=" + caseId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#case-rows tr")));
        assertThat(browser.findElement(By.id("firm")).getAttribute("value")).isEqualTo("F-DATF-01");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        assertThat(text(By.id("case-timeline"))).isNotBlank();
        screenshot("07a-mlro-case-desk.png");
        // The decision through the page's form, as the MLRO takes it: the confirmation stays on the page and the case
        // shows the decision.
        browser.findElement(By.cssSelector("input[name='decision'][value='FILE_STR']")).click();
        browser.findElement(By.id("reasons")).sendKeys("Deposits split below the threshold with no business reason.");
        browser.findElement(By.cssSelector("#decision-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("desk-error"), "The decision is recorded."));
        assertThat(browser.findElement(By.id("decision-error")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("decision-form")).isDisplayed()).isFalse();
        assertThat(text(By.id("case-heading"))).contains("STR");
        screenshot("07b-mlro-case-decided.png");
        JsonNode decided = Http.get(aml.url("/cases/" + caseId), mlro).json();
        assertThat(decided.path("status").asText()).isEqualTo("FILE_STR");
        String deskTab = browser.getWindowHandle();
        browser.findElement(By.cssSelector("button[data-doc='str-draft'][data-lang='ru']")).click();
        wait.until(d -> d.getWindowHandles().size() > 1);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(deskTab)).findFirst()
                .orElseThrow());
        wait.until(d -> d.getPageSource().matches("(?s).*[А-Яа-яЁё]{5,}.*"));
        assertThat(browser.getPageSource()).doesNotContain("not entitled");
        screenshot("07c-mlro-str-draft-ru.png");
        browser.close();
        browser.switchTo().window(deskTab);
        signOut("08-mlro-signed-out.png");

        signIn("compliance-officer.f-datf-01", "09-officer-datf-desk.png");
        browser.get(DESK + "/upstream/aml/cases/" + caseId + "/str-draft");
        assertThat(text(By.tagName("h1"))).isEqualTo("You are not entitled to this document");
        assertThat(browser.getPageSource()).doesNotContain(caseId);
        screenshot("10-officer-refused-str-draft.png");
        browser.get(DESK + "/cases.html");
        wait.until(ExpectedConditions.textToBe(By.id("desk-error"),
                "Cases are for the firm's MLRO and the regulator only (tipping-off)."));
        assertThat(browser.findElement(By.id("decision-form")).isDisplayed()).isFalse();
        screenshot("10a-officer-refused-case-desk.png");
        signOut("11-officer-datf-signed-out.png");
    }

    @Test
    @Order(3)
    void shouldSignTheRegulatorInWithEveryFirmsViewAndOpenTheBreachNotice() {
        signIn("regulator", "12-regulator-desk.png");
        assertThat(text(By.id("identity"))).contains("regulator", "every firm");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("regulator-view")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-firm-id='F-DEAL-01']")));
        screenshot("13-regulator-every-firm.png");
        browser.get(DESK + "/upstream/capital" + breachNotice);
        assertThat(browser.getPageSource()).contains("Notification to AFSA").doesNotContain("not entitled");
        screenshot("14-regulator-capital-breach-notice.png");
        signOut("15-regulator-signed-out.png");
    }

    /** Through the desk's Sign in, Keycloak's login form, and back to the live desk. */
    private void signIn(String user, String screen) {
        browser.get(DESK + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(LocalKeycloak.ISSUER);
        screenshot(screen.replace(".png", "-keycloak-login.png"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(keycloak.password(user));
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlMatches("^" + DESK + "/?$"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        screenshot(screen);
    }

    /** Sign out ends the desk's session and Keycloak's (RP-initiated logout), back at the sign-in panel. */
    private void signOut(String screen) {
        browser.get(DESK + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-panel")));
        screenshot(screen);
        browser.get(DESK + "/upstream/aml/firms/F-DATF-01/cases");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("signed out at Keycloak too").startsWith(LocalKeycloak.ISSUER);
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private void startBrowser() {
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
