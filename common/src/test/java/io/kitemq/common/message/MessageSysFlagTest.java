package io.kitemq.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageSysFlagTest {

  @Test
  void transactionTypeLivesInBitsTwoAndThree() {
    int flag = MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    assertThat(MessageSysFlag.transactionType(flag))
        .isEqualTo(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
    int committed =
        MessageSysFlag.withTransactionType(flag, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
    assertThat(committed).isEqualTo(0x9);
    assertThat(MessageSysFlag.withTransactionType(committed, MessageSysFlag.TRANSACTION_NOT_TYPE))
        .isEqualTo(MessageSysFlag.COMPRESSED_FLAG);
    assertThatThrownBy(() -> MessageSysFlag.withTransactionType(0, 0x10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compressionAndHostHelpers() {
    assertThat(MessageSysFlag.compressionTypeValue(0x301)).isEqualTo(3);
    assertThat(MessageSysFlag.isCompressed(0x301)).isTrue();
    assertThat(MessageSysFlag.clearCompressed(0x301)).isEqualTo(0x300);
    assertThat(MessageSysFlag.bornHostLength(MessageSysFlag.BORNHOST_V6_FLAG)).isEqualTo(20);
    assertThat(MessageSysFlag.storeHostLength(MessageSysFlag.BORNHOST_V6_FLAG)).isEqualTo(8);
    assertThat(MessageSysFlag.withHostFlags(0x30 | 0x4, false, true)).isEqualTo(0x24);
    assertThat(StoredMessageLayout.fixedSize(0x30, MessageVersion.V2)).isEqualTo(91 + 24 + 1);
  }
}
