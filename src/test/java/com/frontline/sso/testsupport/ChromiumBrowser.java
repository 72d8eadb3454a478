package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium with an empty profile, driven by the Debian chromedriver.
 *
 * <p>Both binaries are set explicitly so Selenium Manager never tries to download a browser or a
 * driver (there is no network). A fresh {@code --user-data-dir} per instance means no Keycloak SSO
 * cookie survives from one user's test to the next. Override the paths with
 * {@code -Dchromium.binary} and {@code -Dchromedriver.binary}.
 */
public final class ChromiumBrowser implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /*
     * Selenium warns on every start that it has no DevTools (CDP) module for this Chromium version.
     * The tests use WebDriver only, so keep those loggers quiet. Held in fields: JUL forgets the level
     * of a logger nobody references.
     */
    private static final Logger CDP_VERSION_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM_DRIVER_LOG = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private final ChromeDriver driver;
    private final Path profileDir;

    private ChromiumBrowser(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    /** Starts a browser whose profile and driver log live under {@code workDir}. */
    public static ChromiumBrowser start(Path workDir, String label) {
        return start(workDir, label, true);
    }

    /**
     * A browser whose pages run no JavaScript (WebDriver still can): an IdP's auto-submitting POST
     * form then stays on screen, so a test can read the SAMLResponse instead of letting it be posted.
     */
    public static ChromiumBrowser startWithoutJavaScript(Path workDir, String label) {
        return start(workDir, label, false);
    }

    private static ChromiumBrowser start(Path workDir, String label, boolean javaScript) {
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        for (String binary : new String[] {chromedriver, chromium}) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver) or set -Dchromium.binary / -Dchromedriver.binary");
            }
        }
        System.setProperty("webdriver.chrome.driver", chromedriver);
        Path profile = Dirs.recreate(workDir.resolve("chromium-profile-" + label));
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--disable-quic",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort()
                .withLogFile(workDir.resolve("chromedriver-" + label + ".log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ChromiumBrowser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits up to 30 s for {@code condition} to return a non-null, non-false value, which it returns. */
    public <T> T waitFor(String description, Function<WebDriver, T> condition) {
        return waitFor(description, DEFAULT_WAIT, condition);
    }

    public <T> T waitFor(String description, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(() -> description + "; browser is at " + currentUrl())
                .until(condition);
    }

    /** Waits for the element with {@code id} to have non-blank text and returns that text. */
    public String textOf(String id) {
        return waitFor("element #" + id + " to show text", d -> {
            var found = d.findElements(By.id(id));
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return text == null || text.isBlank() ? null : text.trim();
        });
    }

    /** Fills Keycloak's login form and submits it (the browser must be on the login page). */
    public void logInToKeycloak(RealmUser user) {
        logIn("Keycloak's login form", user, By.id("kc-login"));
    }

    /** Fills SimpleSAMLphp's login form ({@code exampleauth:UserPass}) and submits it. */
    public void logInToSimpleSamlPhp(RealmUser user) {
        logIn("SimpleSAMLphp's login form", user, By.id("submit_button"));
    }

    /** Types the user's name and password into the fields {@code #username} and {@code #password}, then clicks {@code submit}. */
    private void logIn(String form, RealmUser user, By submit) {
        WebElement username = waitFor(form, d -> {
            var fields = d.findElements(By.id("username"));
            return fields.isEmpty() ? null : fields.get(0);
        });
        username.clear();
        username.sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(submit).click();
    }

    /** The visible text of the page (for JSON documents: the JSON). */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Fetches {@code path} from the current page's origin with the browser's cookies, without
     * following redirects, and returns "STATUS BODY". A redirect shows as status 0 (opaque).
     */
    public String fetchFromPage(String path) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t)))"
                        + ".catch(e => done('ERROR ' + e));",
                path);
        return String.valueOf(result);
    }

    /** Saves a screenshot and the page source as {@code <dir>/<label>.png|.html}; never throws. */
    public void saveEvidence(Path dir, String label) {
        try {
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(label + ".png"), png);
            String source = "<!-- " + currentUrl() + " -->\n" + driver.getPageSource();
            Files.writeString(dir.resolve(label + ".html"), source, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save browser evidence for " + label + ": " + e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                Dirs.delete(profileDir);
            } catch (UncheckedIOException stillLocked) {
                // Chromium may still be writing its profile while it exits; the next run recreates it.
            }
        }
    }
}
