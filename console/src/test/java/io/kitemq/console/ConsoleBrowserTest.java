package io.kitemq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kitemq.client.ClientOptions;
import io.kitemq.client.consumer.ConsumeFromWhere;
import io.kitemq.client.consumer.ConsumeStatus;
import io.kitemq.client.consumer.PushConsumer;
import io.kitemq.client.producer.Producer;
import io.kitemq.common.message.Message;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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

  /** For what waits on the cluster's timers (registration, retries): longer on a busy machine. */
  private WebDriverWait slow;

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
        "--window-size=1280,1400",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // Pages redraw their tables on each load: an element read mid-redraw is looked up again.
    wait.ignoring(StaleElementReferenceException.class);
    slow = new WebDriverWait(browser, Duration.ofSeconds(60));
    slow.ignoring(StaleElementReferenceException.class);
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

  /** Clicks the element once it is shown, looking it up again when a redraw replaced it. */
  private void click(String css) {
    wait.until(
        d -> {
          WebElement e = d.findElement(By.cssSelector(css));
          if (!e.isDisplayed()) {
            return false;
          }
          e.click();
          return true;
        });
  }

  /**
   * Clicks the element with {@code id} and waits until every action the page started has drawn its
   * answer ({@code <body data-busy="0">}), so that what is read next is not being redrawn.
   */
  private void clickAndSettle(WebDriver d, String id) {
    d.findElement(By.id(id)).click();
    wait.until(x -> "0".equals(x.findElement(By.tagName("body")).getAttribute("data-busy")));
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
        .heartbeatInterval(Duration.ofSeconds(1))
        .build();
  }

  @Test
  void createdTopicCountsSentMessagesTheChartMovesAndAMessageIsFoundByKeyWithItsTrace()
      throws Exception {
    start(false);
    browser.get(node.baseUrl() + "/");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#brokers tbody"), "console-broker"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-now"), "now:"));
    screenshot("cluster");

    visible("#nav-topics").click();
    type("#topic-name", "BrowserTopic");
    type("#topic-queues", "4");
    visible("#topic-create").click();
    WebElement created = visible("#topics tr[data-topic='BrowserTopic']");
    assertThat(created.getText()).contains("BrowserTopic 4 4 RW - 0");

    String keyedId;
    try (Producer producer =
        Producer.builder()
            .clientOptions(clientOptions("bp"))
            .group("browser-producer")
            .enableTrace()
            .build()) {
      String id = null;
      for (int i = 0; i < 5; i++) {
        byte[] body = ("order body " + i).getBytes(StandardCharsets.UTF_8);
        id = producer.send(new Message("BrowserTopic", "tagA", "order-" + i, body)).offsetMsgId();
      }
      keyedId = id;
      // The topic's message count and put rate, read again on each visit of the page.
      AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
      wait.withMessage(() -> "BrowserTopic's row last read " + seen.get())
          .until(
              d -> {
                clickAndSettle(d, "nav-topics");
                List<String> cells =
                    d
                        .findElements(By.cssSelector("#topics tr[data-topic='BrowserTopic'] td"))
                        .stream()
                        .map(WebElement::getText)
                        .toList();
                seen.set(cells);
                return cells.size() > 5
                    && cells.get(5).equals("5")
                    && cells.get(4).matches("\\d+\\.\\d");
              });
      click("#topics tr[data-topic='BrowserTopic'] a");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("topic-detail"), "BrowserTopic: 4 queues, 5 messages"));
      screenshot("topics");

      // The producer's connection, once its heartbeat reached the broker.
      visible("#nav-producers").click();
      type("#producer-group", "browser-producer");
      wait.until(
          d -> {
            clickAndSettle(d, "producer-query");
            return d.findElement(By.cssSelector("#producers tbody")).getText().contains("@bp");
          });
      assertThat(browser.findElement(By.cssSelector("#producers tbody")).getText())
          .contains("127.0.0.1@bp")
          .contains("JAVA");
      screenshot("producers");
    }

    visible("#nav-messages").click();
    type("#key-topic", "BrowserTopic");
    type("#key-key", "order-4");
    visible("#key-button").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("found-title"), "1 message of BrowserTopic with key order-4"));
    click("#found-table tbody a");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-body-text"), "order body 4"));
    assertThat(browser.findElement(By.id("message-ids")).getText()).endsWith(keyedId);
    // The trace records arrive asynchronously: look again until the Pub record is there.
    wait.until(
        d -> {
          clickAndSettle(d, "find-button");
          return d.findElement(By.cssSelector("#message-trace tbody"))
              .getText()
              .contains("Pub browser-producer BrowserTopic");
        });
    browser.executeScript("document.getElementById('message-properties').scrollIntoView()");
    screenshot("message-by-key");

    type("#time-topic", "BrowserTopic");
    type("#time-begin", "-10m");
    visible("#time-button").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("found-title"), "5 messages of BrowserTopic stored"));
    screenshot("messages-by-time");

    type("#send-topic", "BrowserTopic");
    type("#send-keys", "browser-key");
    type("#send-body", "hello from the console");
    visible("#send-button").click();
    wait.until(d -> !d.findElement(By.id("sent-id")).getText().isEmpty());
    visible("#sent-find").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("message-body-text"), "hello from the console"));
    assertThat(browser.findElement(By.id("message-topic")).getText()).isEqualTo("BrowserTopic");
    assertThat(browser.findElement(By.id("message-tags")).getText()).contains("browser-key");

    // The sends show in the throughput chart of the first page.
    visible("#nav-cluster").click();
    wait.until(
        d -> {
          String peak = d.findElement(By.id("chart-peak")).getText();
          return peak.startsWith("peak: ") && !peak.equals("peak: 0 msg/s");
        });
    screenshot("cluster-after-sends");
  }

  @Test
  void groupsLagFallsToZeroItsMembersShowAndAResetBringsTheLagBack() throws Exception {
    start(false);
    String topic = "BrowserLag";
    String group = "browser-group";
    long beforeSends = System.currentTimeMillis() - 1;
    try (Producer producer =
        Producer.builder().clientOptions(clientOptions("lp")).group("lag-producer").build()) {
      for (int i = 0; i < 4; i++) {
        producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
      }
    }
    AtomicBoolean hold = new AtomicBoolean();
    CountDownLatch release = new CountDownLatch(1);
    PushConsumer consumer =
        PushConsumer.builder()
            .clientOptions(clientOptions("bc"))
            .group(group)
            .subscribe(topic, "*")
            .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
            .listener(
                (msgs, q) -> {
                  // Once held, the consumer keeps what it got and commits nothing more.
                  while (hold.get()) {
                    try {
                      if (release.await(30, TimeUnit.SECONDS)) {
                        break;
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return ConsumeStatus.RECONSUME_LATER;
                    }
                  }
                  return ConsumeStatus.CONSUME_SUCCESS;
                })
            .build();
    try {
      browser.get(node.baseUrl() + "/");
      visible("#nav-groups").click();
      slow.until(
          d -> {
            clickAndSettle(d, "nav-groups");
            return !d.findElements(By.cssSelector("#groups tr[data-group='" + group + "'] a"))
                .isEmpty();
          });
      click("#groups tr[data-group='" + group + "'] a");
      visible("#group-detail");
      wait.until(
          d -> {
            clickAndSettle(d, "group-refresh");
            return d.findElement(By.id("group-lag")).getText().equals("0")
                && d.findElement(By.cssSelector("#group-queues tbody")).getText().contains(topic)
                && d.findElement(By.cssSelector("#group-members tbody"))
                    .getText()
                    .contains("127.0.0.1@bc");
          });
      assertThat(browser.findElement(By.cssSelector("#group-subscriptions tbody")).getText())
          .contains(topic + " *");
      screenshot("groups");

      // One of the topic's messages handed to the group's consumer directly.
      visible("#nav-messages").click();
      type("#time-topic", topic);
      type("#time-begin", Long.toString(beforeSends));
      visible("#time-button").click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("found-title"), "4 messages of " + topic));
      click("#found-table tbody a");
      type("#resend-group", group);
      visible("#resend-button").click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("resend-result"), "127.0.0.1@bc: CR_SUCCESS"));
      assertThat(browser.findElement(By.id("trace-none")).isDisplayed()).isTrue();
      screenshot("message-resent");

      visible("#nav-groups").click();
      hold.set(true);
      type("#reset-topic", topic);
      type("#reset-time", Long.toString(beforeSends));
      visible("#reset-button").click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("reset-result"), "Reset "));
      wait.until(
          d -> {
            clickAndSettle(d, "group-refresh");
            return d.findElement(By.id("group-lag")).getText().equals("4");
          });
      screenshot("group-after-reset");

      // The lag form reads the same figures for one topic.
      type("#lag-group", group);
      type("#lag-topic", topic);
      visible("#lag-query").click();
      wait.until(ExpectedConditions.textToBe(By.id("lag-total"), "4"));
    } finally {
      hold.set(false);
      release.countDown();
      consumer.close();
    }
  }

  @Test
  void aDeadLetterIsListedUnderItsGroupAndResentToItsTopic() throws Exception {
    start(false);
    String topic = "BrowserDlq";
    String group = "browser-dlq-group";
    try (Producer producer =
            Producer.builder().clientOptions(clientOptions("dp")).group("dlq-producer").build();
        PushConsumer consumer =
            PushConsumer.builder()
                .clientOptions(clientOptions("dc"))
                .group(group)
                .subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .maxReconsumeTimes(1)
                .listener((msgs, q) -> ConsumeStatus.RECONSUME_LATER)
                .build()) {
      producer.send(
          new Message(
              topic, "bad", "poison-1", "cannot be handled".getBytes(StandardCharsets.UTF_8)));
      browser.get(node.baseUrl() + "/");
      visible("#nav-groups").click();
      // The group is listed once its retry topic reached the name server, and its dead letter
      // arrives after two failed deliveries: both take longer on a busy machine.
      slow.until(
          d -> {
            clickAndSettle(d, "nav-groups");
            return !d.findElements(By.cssSelector("#groups tr[data-group='" + group + "'] a"))
                .isEmpty();
          });
      click("#groups tr[data-group='" + group + "'] a");
      slow.until(
          d -> {
            clickAndSettle(d, "group-refresh");
            return d.findElement(By.cssSelector("#dlq tbody")).getText().contains("poison-1");
          });
      assertThat(browser.findElement(By.cssSelector("#dlq tbody")).getText())
          .contains(topic + " poison-1");
      browser.executeScript("document.getElementById('dlq').scrollIntoView()");
      screenshot("dead-letters");
      click("#dlq tbody button[id^='dlq-resend-']");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("dlq-result"), "to " + topic + ": "));
    }
    visible("#nav-topics").click();
    wait.until(
        d -> {
          clickAndSettle(d, "nav-topics");
          return d.findElement(By.cssSelector("#topics tr[data-topic='" + topic + "']"))
              .getText()
              .endsWith(" 2 Delete");
        });
  }

  @Test
  void readOnlyConsoleHidesTheChangingControls() throws Exception {
    start(true);
    browser.get(node.baseUrl() + "/");
    wait.until(ExpectedConditions.textToBe(By.id("mode"), "read-only"));
    visible("#nav-topics").click();
    assertThat(browser.findElement(By.id("topic-form")).isDisplayed()).isFalse();
    visible("#nav-groups").click();
    visible("#lag-form");
    assertThat(browser.findElement(By.id("reset-form")).isDisplayed()).isFalse();
    visible("#nav-messages").click();
    visible("#find-form");
    assertThat(browser.findElement(By.id("send-form")).isDisplayed()).isFalse();
    screenshot("read-only");
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
