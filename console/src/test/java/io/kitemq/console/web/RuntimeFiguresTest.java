package io.kitemq.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the console reads the brokers' runtime figures and permission bits. */
@Timeout(10)
class RuntimeFiguresTest {

  @Test
  void theFirstOfTheThreeRatesIsShownAndAnAbsentOrBadOneIsNull() {
    // GET_BROKER_RUNTIME_INFO's putTps as an Apache broker writes it: 10 s, 60 s, 600 s.
    assertThat(ConsoleApi.firstRate("12.50 8.1 0.75")).isEqualTo(12.5);
    assertThat(ConsoleApi.firstRate(" 3 ")).isEqualTo(3.0);
    assertThat(ConsoleApi.firstRate(null)).isNull();
    assertThat(ConsoleApi.firstRate("")).isNull();
    assertThat(ConsoleApi.firstRate("fast")).isNull();
  }

  @Test
  void permissionBitsReadAsTheOfficialToolsWriteThem() {
    assertThat(ConsoleApi.perm(6)).isEqualTo("RW");
    assertThat(ConsoleApi.perm(4)).isEqualTo("R");
    assertThat(ConsoleApi.perm(2)).isEqualTo("W");
    assertThat(ConsoleApi.perm(0)).isEqualTo("-");
  }
}
