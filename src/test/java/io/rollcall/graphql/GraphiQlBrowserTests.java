package io.rollcall.graphql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.rollcall.support.ExternalTools;
import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (the system's headless Chromium) opens GraphiQL, runs the pre-filled
 * example, and sees accounts from all four vendors in the result panel. Every request the
 * page makes goes to the gateway itself: nothing comes from the internet.
 */
class GraphiQlBrowserTests extends GatewayTestBase {

	private static final String CHROMIUM = "CHROMIUM";

	private static Playwright playwright;

	private static Browser browser;

	@BeforeAll
	static void launchChromium() {
		Path chromium = ExternalTools.find("chromium", CHROMIUM).orElse(null);
		if (chromium == null) {
			return;
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
						// Playwright gives the browser a fresh user-data-dir of its own.
						"--disable-component-update", "--disable-sync", "--disable-quic")));
	}

	@BeforeEach
	void needsChromium() {
		ExternalTools.require("chromium", CHROMIUM, "Chromium (Debian: apt-get install chromium)");
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void runsThePrefilledQueryAndShowsAccountsFromAllFourVendors() {
		Page page = browser.newPage();
		List<String> foreign = new java.util.concurrent.CopyOnWriteArrayList<>();
		page.onRequest((request) -> {
			if (!request.url().startsWith("http://127.0.0.1:" + this.port)) {
				foreign.add(request.url());
			}
		});
		page.navigate("http://127.0.0.1:" + this.port + "/graphiql");
		page.waitForSelector(".graphiql-execute-button");
		page.click(".graphiql-execute-button");
		page.waitForFunction("() => { const cm = document.querySelector('.result-window .CodeMirror');"
				+ " return cm && cm.CodeMirror.getValue().includes('totalCount'); }");
		String result = (String) page
			.evaluate("() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()");
		assertThat(result).contains("\"totalCount\": 13")
			.contains("\"vendor\": \"CINTOO\"")
			.contains("\"vendor\": \"TESTMO\"")
			.contains("\"vendor\": \"CODEBASE\"")
			.contains("\"vendor\": \"PERISCOPE\"")
			.doesNotContain("\"errors\"");
		assertThat(foreign).isEmpty();
		List<String> tabs = page.locator(".graphiql-tab").allTextContents();
		assertThat(String.join(" ", tabs)).contains("everyoneWithAccess", "personAccess", "accessReview", "auditTrail",
				"bulkOffboarding");
	}

}
