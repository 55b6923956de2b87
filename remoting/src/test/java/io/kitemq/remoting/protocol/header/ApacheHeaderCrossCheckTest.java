package io.kitemq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each typed header against its official 5.5.0 counterpart: the key set we write with every field
 * set equals the official class's field set (own and inherited), the official class decodes our
 * extFields and flattens them (makeCustomHeaderToNet) to exactly our map, and we read that map back
 * to an equal header. The reflection here is the test's, to reach every class uniformly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApacheHeaderCrossCheckTest {

  static {
    System.setProperty("rocketmq.remoting.version", "479");
  }

  private static final String APACHE = "org.apache.rocketmq.remoting.protocol.header.";

  /**
   * Optional keys the 5.5.0 classes added after 5.3.3 (lite topics, index types), which the 5.3.3
   * protocol this module implements does not have; they are absent from every 5.3.3 peer.
   */
  private static final Map<String, Set<String>> NEWER_THAN_5_3_3 =
      Map.of(
          "PullMessageRequestHeader", Set.of("liteTopic"),
          "SearchOffsetRequestHeader", Set.of("liteTopic"),
          "QueryMessageRequestHeader", Set.of("indexType", "lastKey"));

  static Stream<Object[]> headers() {
    return Stream.of(
        pair(SendMessageRequestHeader.class, "SendMessageRequestHeader"),
        pair(SendMessageRequestHeaderV2.class, "SendMessageRequestHeaderV2"),
        pair(SendMessageResponseHeader.class, "SendMessageResponseHeader"),
        pair(PullMessageRequestHeader.class, "PullMessageRequestHeader"),
        pair(PullMessageResponseHeader.class, "PullMessageResponseHeader"),
        pair(QueryConsumerOffsetRequestHeader.class, "QueryConsumerOffsetRequestHeader"),
        pair(QueryConsumerOffsetResponseHeader.class, "QueryConsumerOffsetResponseHeader"),
        pair(UpdateConsumerOffsetRequestHeader.class, "UpdateConsumerOffsetRequestHeader"),
        pair(GetRouteInfoRequestHeader.class, "namesrv.GetRouteInfoRequestHeader"),
        pair(GetMaxOffsetRequestHeader.class, "GetMaxOffsetRequestHeader"),
        pair(GetMaxOffsetResponseHeader.class, "GetMaxOffsetResponseHeader"),
        pair(GetMinOffsetRequestHeader.class, "GetMinOffsetRequestHeader"),
        pair(GetMinOffsetResponseHeader.class, "GetMinOffsetResponseHeader"),
        pair(SearchOffsetRequestHeader.class, "SearchOffsetRequestHeader"),
        pair(SearchOffsetResponseHeader.class, "SearchOffsetResponseHeader"),
        pair(GetEarliestMsgStoretimeRequestHeader.class, "GetEarliestMsgStoretimeRequestHeader"),
        pair(GetEarliestMsgStoretimeResponseHeader.class, "GetEarliestMsgStoretimeResponseHeader"),
        pair(GetConsumerListByGroupRequestHeader.class, "GetConsumerListByGroupRequestHeader"),
        pair(RegisterBrokerRequestHeader.class, "namesrv.RegisterBrokerRequestHeader"),
        pair(RegisterBrokerResponseHeader.class, "namesrv.RegisterBrokerResponseHeader"),
        pair(UnregisterBrokerRequestHeader.class, "namesrv.UnRegisterBrokerRequestHeader"),
        pair(QueryMessageRequestHeader.class, "QueryMessageRequestHeader"),
        pair(QueryMessageResponseHeader.class, "QueryMessageResponseHeader"),
        pair(ViewMessageRequestHeader.class, "ViewMessageRequestHeader"),
        pair(ConsumerSendMsgBackRequestHeader.class, "ConsumerSendMsgBackRequestHeader"),
        pair(EndTransactionRequestHeader.class, "EndTransactionRequestHeader"),
        pair(CheckTransactionStateRequestHeader.class, "CheckTransactionStateRequestHeader"),
        pair(NotifyConsumerIdsChangedRequestHeader.class, "NotifyConsumerIdsChangedRequestHeader"),
        pair(UnregisterClientRequestHeader.class, "UnregisterClientRequestHeader"),
        pair(CreateTopicRequestHeader.class, "CreateTopicRequestHeader"),
        pair(DeleteTopicRequestHeader.class, "DeleteTopicRequestHeader"),
        pair(PutKvConfigRequestHeader.class, "namesrv.PutKVConfigRequestHeader"),
        pair(GetKvConfigRequestHeader.class, "namesrv.GetKVConfigRequestHeader"),
        pair(GetKvConfigResponseHeader.class, "namesrv.GetKVConfigResponseHeader"),
        pair(DeleteKvConfigRequestHeader.class, "namesrv.DeleteKVConfigRequestHeader"),
        pair(GetKvListByNamespaceRequestHeader.class, "namesrv.GetKVListByNamespaceRequestHeader"),
        pair(
            DeleteTopicFromNamesrvRequestHeader.class,
            "namesrv.DeleteTopicFromNamesrvRequestHeader"),
        pair(QueryDataVersionRequestHeader.class, "namesrv.QueryDataVersionRequestHeader"),
        pair(QueryDataVersionResponseHeader.class, "namesrv.QueryDataVersionResponseHeader"),
        pair(
            WipeWritePermOfBrokerRequestHeader.class, "namesrv.WipeWritePermOfBrokerRequestHeader"),
        pair(
            WipeWritePermOfBrokerResponseHeader.class,
            "namesrv.WipeWritePermOfBrokerResponseHeader"),
        pair(AddWritePermOfBrokerRequestHeader.class, "namesrv.AddWritePermOfBrokerRequestHeader"),
        pair(
            AddWritePermOfBrokerResponseHeader.class, "namesrv.AddWritePermOfBrokerResponseHeader"),
        pair(GetTopicsByClusterRequestHeader.class, "GetTopicsByClusterRequestHeader"),
        pair(BrokerHeartbeatRequestHeader.class, "namesrv.BrokerHeartbeatRequestHeader"),
        pair(RegisterTopicRequestHeader.class, "namesrv.RegisterTopicRequestHeader"),
        pair(GetBrokerMemberGroupRequestHeader.class, "GetBrokerMemberGroupRequestHeader"),
        pair(GetConsumerRunningInfoRequestHeader.class, "GetConsumerRunningInfoRequestHeader"),
        pair(
            ConsumeMessageDirectlyResultRequestHeader.class,
            "ConsumeMessageDirectlyResultRequestHeader"),
        pair(ResetOffsetRequestHeader.class, "ResetOffsetRequestHeader"));
  }

  private static Object[] pair(Class<?> ours, String theirs) {
    return new Object[] {ours.getSimpleName(), ours, theirs};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void headerMatchesTheOfficialClass(String name, Class<?> ours, String theirsName)
      throws Exception {
    @SuppressWarnings("unchecked") // every class named above implements CommandCustomHeader
    Class<? extends CommandCustomHeader> theirs =
        (Class<? extends CommandCustomHeader>) Class.forName(APACHE + theirsName);
    Set<String> theirFields = fieldNames(theirs);
    theirFields.removeAll(NEWER_THAN_5_3_3.getOrDefault(name, Set.of()));

    for (int variant = 0; variant < 2; variant++) {
      CommandHeader header = fullHeader(ours, variant, theirFields.contains("lo"));
      HashMap<String, String> ourMap = header.toExtFields();
      assertThat(new TreeSet<>(ourMap.keySet())).isEqualTo(new TreeSet<>(theirFields));

      RemotingCommand carrier = RemotingCommand.createRequestCommand(0, null);
      carrier.setExtFields(new HashMap<>(ourMap));
      CommandCustomHeader decoded = carrier.decodeCommandCustomHeaderDirectly(theirs, false);
      RemotingCommand flattened = RemotingCommand.createRequestCommand(0, decoded);
      flattened.makeCustomHeaderToNet();
      assertThat(flattened.getExtFields()).isEqualTo(ourMap);

      Method from = ours.getMethod("fromExtFields", Map.class);
      assertThat(from.invoke(null, flattened.getExtFields())).isEqualTo(header);
    }
  }

  private static Set<String> fieldNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("this")) {
          names.add(f.getName());
        }
      }
    }
    return names;
  }

  /** An instance of a header record with every component set to a distinct value. */
  private static CommandHeader fullHeader(Class<?> type, int variant, boolean withLo)
      throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = valueFor(components[i], i, variant, withLo);
    }
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    return (CommandHeader) canonical.newInstance(args);
  }

  private static Object valueFor(RecordComponent c, int index, int variant, boolean withLo) {
    Class<?> t = c.getType();
    if (c.getName().equals("commitOrRollback")) {
      return variant == 0 ? 8 : 12; // the official class validates the transaction type
    }
    if (c.getName().equals("topicFilterType")) {
      return variant == 0 ? "SINGLE_TAG" : "MULTI_TAG"; // an enum name in the official class
    }
    int sign = variant == 0 ? 1 : -1;
    if (t == String.class) {
      return variant == 0 ? c.getName() + "-value" : "v\u00e9 " + index + "\u0001x";
    }
    if (t == int.class || t == Integer.class) {
      return sign * (index + 3);
    }
    if (t == long.class || t == Long.class) {
      return sign * (1_700_000_000_000L + index);
    }
    if (t == boolean.class || t == Boolean.class) {
      return variant == 0;
    }
    if (t == BoundaryType.class) {
      return variant == 0 ? BoundaryType.UPPER : BoundaryType.LOWER;
    }
    if (t == RpcHeader.class) {
      return new RpcHeader(
          "ns" + variant,
          variant == 0,
          "broker-" + variant,
          variant != 0,
          withLo ? variant == 0 : null);
    }
    throw new IllegalArgumentException("no value for " + t);
  }
}
