package com.frontline.sso.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension giving every test a fresh Chromium (empty profile: no IdP session survives from
 * one test to the next), saving a screenshot and the page source of each of the test's browsers into
 * the work directory when the test fails, and closing them afterwards.
 *
 * <pre>{@code @RegisterExtension final BrowserPerTest browsers = new BrowserPerTest(() -> stack.workDir());}</pre>
 */
public final class BrowserPerTest implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private final Supplier<Path> workDir;
    private final List<ChromiumBrowser> open = new ArrayList<>();
    private String testName;

    /** @param workDir where profiles, driver logs and failure evidence go (read when each test starts) */
    public BrowserPerTest(Supplier<Path> workDir) {
        this.workDir = workDir;
    }

    /** The test's browser (started before the test). */
    public ChromiumBrowser browser() {
        return open.get(0);
    }

    /** Another browser for this test, without JavaScript (see {@link ChromiumBrowser#startWithoutJavaScript}). */
    public ChromiumBrowser startWithoutJavaScript() {
        ChromiumBrowser browser = ChromiumBrowser.startWithoutJavaScript(workDir.get(), testName + "-" + open.size());
        open.add(browser);
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
        open.add(ChromiumBrowser.start(workDir.get(), testName));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < open.size(); i++) {
                open.get(i).saveEvidence(workDir.get(), i == 0 ? testName : testName + "-" + i);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            open.forEach(ChromiumBrowser::close);
        } finally {
            open.clear();
        }
    }
}
