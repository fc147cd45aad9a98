package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The CSV the web application's "Download CSV" buttons write, produced in headless Chromium by the
 * served {@code ui.js}: text a spreadsheet would run as a formula is neutralised, numbers are not.
 */
class CsvDownloadBrowserTest {
  @TempDir Path dir;
  TestServer t;
  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir.resolve("data"));
    browser = io.wayfinder.server.voc.SurveyBrowserTest.chromium(dir.resolve("profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    t.close();
  }

  @Test
  void cellsThatSpreadsheetsWouldRunAsFormulasAreNeutralised() {
    browser.get(t.base + "/ui/login.html");
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    Object csv = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/ui/js/ui.js').then((ui) => done(ui.csvText(
          [{ key: 'comment', label: 'Comment' }, { key: 'score', label: 'Score' }],
          [{ comment: '=HYPERLINK("http://evil.example","click")', score: -5 },
           { comment: '+1+2', score: 3.5 }, { comment: '-2+3', score: 0 }, { comment: '@SUM(A1:A9)', score: 1 },
           { comment: '\\tTAB', score: 2 }, { comment: 'fine, with a comma', score: 10 }])))
          .catch((e) => done('failed: ' + e));
        """);
    assertThat(csv).isEqualTo("""
        Comment,Score
        "'=HYPERLINK(""http://evil.example"",""click"")",-5
        '+1+2,3.5
        '-2+3,0
        '@SUM(A1:A9),1
        '\tTAB,2
        "fine, with a comma",10
        """);
  }
}
