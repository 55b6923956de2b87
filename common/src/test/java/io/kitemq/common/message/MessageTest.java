package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageTest {

  @Test
  void typedAccessorsUseTheSystemKeys() {
    Message m = new Message("T", "tagA", "k1 k2", new byte[] {1});
    m.setDelayTimeLevel(3);
    m.setDeliverTimeMs(1_700_000_000_000L);
    m.setDelayTimeSec(30);
    m.setDelayTimeMs(1500);
    m.setWaitStoreMsgOK(false);
    m.setTransactionPrepared(true);
    m.setProducerGroup("PG");
    m.setUniqueId("ID");
    assertThat(m.getProperties())
        .containsEntry("TAGS", "tagA")
        .containsEntry("KEYS", "k1 k2")
        .containsEntry("DELAY", "3")
        .containsEntry("TIMER_DELIVER_MS", "1700000000000")
        .containsEntry("TIMER_DELAY_SEC", "30")
        .containsEntry("TIMER_DELAY_MS", "1500")
        .containsEntry("WAIT", "false")
        .containsEntry("TRAN_MSG", "true")
        .containsEntry("PGROUP", "PG")
        .containsEntry("UNIQ_KEY", "ID");
    assertThat(m.getKeyList()).containsExactly("k1", "k2");
    assertThat(m.getDelayTimeLevel()).isEqualTo(3);
    assertThat(m.getDeliverTimeMs()).isEqualTo(1_700_000_000_000L);
    assertThat(m.getDelayTimeSec()).isEqualTo(30);
    assertThat(m.getDelayTimeMs()).isEqualTo(1500);
    assertThat(m.isWaitStoreMsgOK()).isFalse();
    assertThat(m.isTransactionPrepared()).isTrue();
  }

  @Test
  void defaultsWhenPropertiesAreAbsent() {
    Message m = new Message("T", new byte[0]);
    assertThat(m.isWaitStoreMsgOK()).isTrue();
    assertThat(m.isTransactionPrepared()).isFalse();
    assertThat(m.getDelayTimeLevel()).isZero();
    assertThat(m.getDeliverTimeMs()).isZero();
    assertThat(m.getKeyList()).isEmpty();
    assertThat(m.getTags()).isNull();
  }

  @Test
  void keysFromACollectionAreSpaceJoinedAndMayNotHoldSpaces() {
    Message m = new Message("T", new byte[0]);
    m.setKeys(List.of("a", "b", "c"));
    assertThat(m.getKeys()).isEqualTo("a b c");
    assertThatThrownBy(() -> m.setKeys(List.of("a b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userPropertiesRejectReservedKeys() {
    Message m = new Message("T", new byte[0]);
    m.putUserProperty("color", "red");
    assertThat(m.getUserProperty("color")).isEqualTo("red");
    assertThatThrownBy(() -> m.putUserProperty("TAGS", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TAGS")
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> m.getUserProperty("UNIQ_KEY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNIQ_KEY");
    assertThatThrownBy(() -> m.putUserProperty("k", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.putUserProperty("k", "a\u0002b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadNumberNamesTheProperty() {
    Message m = new Message("T", new byte[0]);
    m.putProperty("DELAY", "soon");
    assertThatThrownBy(m::getDelayTimeLevel).hasMessageContaining("DELAY");
  }

  @Test
  void propertiesViewIsReadOnly() {
    Message m = new Message("T", new byte[0]);
    m.setTags("a");
    assertThatThrownBy(() -> m.getProperties().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
