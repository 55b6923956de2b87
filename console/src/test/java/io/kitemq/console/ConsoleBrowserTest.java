package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.PullConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import io.kitemq.common.message.MessageQueue;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in Debian's headless chromium against a real node on 127.0.0.1. Skipped where
 * chromium or chromedriver is missing ({@code apt-get install -y chromium chromium-driver}).
 * Screenshots of each page go to {@code target/screenshots/}.
 */
@Timeout(180)
class ConsoleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path dir;
  @TempDir Path profile;
  private TestNode node;
  private ChromeDriverService service;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void requireBrowser() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need chromium and chromedriver: apt-get install -y chromium"
            + " chromium-driver");
  }

  private void start(boolean readOnly) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    node = new TestNode(dir, readOnly);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (node != null) {
      node.close();
    }
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        SCREENSHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private void type(String css, String text) {
    WebElement e = visible(css);
    e.clear();
    e.sendKeys(text);
  }

  private ClientOptions clientOptions(String instance) {
    return ClientOptions.builder()
        .namesrvAddr(node.namesrvAddr)
        .clientIp("127.0.0.1")
        .instanceName(instance)
        .build();
  }

  @Test
  void createsATopicSendsAMessageFindsItByIdAndShowsAGroupsLag() throws Exception {
    start(false);
    browser.get(node.baseUrl() + "/");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#brokers tbody"), "console-broker"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-now"), "now:"));
    screenshot("cluster");

    visible("#nav-topics").click();
    type("#topic-name", "BrowserTopic");
    visible("#topic-create").click();
    visible("#topics li[data-topic='BrowserTopic']");
    visible("#topics li[data-topic='BrowserTopic'] a").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("topic-detail"), "BrowserTopic: 8 queues"));
    screenshot("topics");

    visible("#nav-messages").click();
    type("#send-topic", "BrowserTopic");
    type("#send-keys", "browser-key");
    type("#send-body", "hello from the console");
    visible("#send-button").click();
    visible("#sent-id");
    wait.until(d -> !d.findElement(By.id("sent-id")).getText().isEmpty());
    visible("#sent-find").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-body-text"), "hello from the console"));
    assertThat(browser.findElement(By.id("message-topic")).getText()).isEqualTo("BrowserTopic");
    assertThat(browser.findElement(By.id("message-tags")).getText()).contains("browser-key");
    screenshot("messages");

    String topic = "BrowserLag";
    String group = "browser-group";
    MessageQueue queue;
    try (Producer producer =
        Producer.builder().clientOptions(clientOptions("bp")).group("browser-producer").build()) {
      byte[] body = "x".getBytes(StandardCharsets.UTF_8);
      queue = producer.send(new Message(topic, body)).queue();
      for (int i = 1; i < 5; i++) {
        producer.send(new Message(topic, body), (qs, m, a) -> queue, null);
      }
    }
    try (PullConsumer consumer =
        PullConsumer.builder().clientOptions(clientOptions("bc")).group(group).build()) {
      consumer.updateConsumeOffset(queue, 2);
      wait.until(d -> fetch(consumer, queue) == 2);
    }
    visible("#nav-groups").click();
    type("#lag-group", group);
    type("#lag-topic", topic);
    visible("#lag-query").click();
    wait.until(ExpectedConditions.textToBe(By.id("lag-total"), "3"));
    screenshot("groups");

    // The five sends show in the throughput chart of the first page.
    visible("#nav-cluster").click();
    wait.until(
        d -> {
          String peak = d.findElement(By.id("chart-peak")).getText();
          return peak.startsWith("peak: ") && !peak.equals("peak: 0 msg/s");
        });
    screenshot("cluster-after-sends");
  }

  @Test
  void readOnlyConsoleHidesTheChangingControls() throws Exception {
    start(true);
    browser.get(node.baseUrl() + "/");
    wait.until(ExpectedConditions.textToBe(By.id("mode"), "read-only"));
    visible("#nav-topics").click();
    assertThat(browser.findElement(By.id("topic-form")).isDisplayed()).isFalse();
    visible("#nav-messages").click();
    visible("#find-form");
    assertThat(browser.findElement(By.id("send-form")).isDisplayed()).isFalse();
    screenshot("read-only");
  }

  private static long fetch(PullConsumer consumer, MessageQueue queue) {
    try {
      return consumer.fetchConsumeOffset(queue);
    } catch (Exception e) {
      return -2;
    }
  }

  @Test
  void anApiErrorIsShownToThePerson() throws Exception {
    start(false);
    browser.get(node.baseUrl() + "/");
    visible("#nav-messages").click();
    type("#find-id", "not-a-message-id");
    visible("#find-button").click();
    WebElement error = visible("#error");
    assertThat(error.getText())
        .startsWith("GET /api/message")
        .contains("not a broker message id: not-a-message-id");
    screenshot("error");
  }
}
