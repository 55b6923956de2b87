package io.kitemq.remoting.protocol;

/**
 * Request codes of the RocketMQ remoting protocol (5.3.3), as carried in the {@code code} field of
 * a request. Plain int constants so that they work in {@code switch} and in processor tables.
 */
public final class RequestCode {

  /** 10: send one message with the long-key header. */
  public static final int SEND_MESSAGE = 10;

  /** 11: long-poll pull of a consume queue. */
  public static final int PULL_MESSAGE = 11;

  /** 12: query messages by key or unique key within a time range. */
  public static final int QUERY_MESSAGE = 12;

  /** 13: legacy, not handled. */
  public static final int QUERY_BROKER_OFFSET = 13;

  /** 14: committed offset of (group, topic, queue). */
  public static final int QUERY_CONSUMER_OFFSET = 14;

  /** 15: commit a consumer offset. */
  public static final int UPDATE_CONSUMER_OFFSET = 15;

  /** 17: create or update one topic. */
  public static final int UPDATE_AND_CREATE_TOPIC = 17;

  /** 18: create or update many topics. */
  public static final int UPDATE_AND_CREATE_TOPIC_LIST = 18;

  /** 21: every topic config of a broker. */
  public static final int GET_ALL_TOPIC_CONFIG = 21;

  /** 22: legacy. */
  public static final int GET_TOPIC_CONFIG_LIST = 22;

  /** 23: legacy. */
  public static final int GET_TOPIC_NAME_LIST = 23;

  /** 25: update broker properties. */
  public static final int UPDATE_BROKER_CONFIG = 25;

  /** 26: broker properties and data version. */
  public static final int GET_BROKER_CONFIG = 26;

  /** 27: legacy. */
  public static final int TRIGGER_DELETE_FILES = 27;

  /** 28: runtime statistics of a broker. */
  public static final int GET_BROKER_RUNTIME_INFO = 28;

  /** 29: consume-queue offset for a timestamp. */
  public static final int SEARCH_OFFSET_BY_TIMESTAMP = 29;

  /** 30: max logical offset of a queue. */
  public static final int GET_MAX_OFFSET = 30;

  /** 31: min logical offset of a queue. */
  public static final int GET_MIN_OFFSET = 31;

  /** 32: store time of the oldest message of a queue. */
  public static final int GET_EARLIEST_MSG_STORETIME = 32;

  /** 33: one message by commit-log offset. */
  public static final int VIEW_MESSAGE_BY_ID = 33;

  /** 34: client heartbeat. */
  public static final int HEART_BEAT = 34;

  /** 35: client shutdown or group unregister. */
  public static final int UNREGISTER_CLIENT = 35;

  /** 36: consumer returns a failed message for retry. */
  public static final int CONSUMER_SEND_MSG_BACK = 36;

  /** 37: commit or roll back a half message. */
  public static final int END_TRANSACTION = 37;

  /** 38: client ids of a consumer group. */
  public static final int GET_CONSUMER_LIST_BY_GROUP = 38;

  /** 39: broker asks a producer about a half message. */
  public static final int CHECK_TRANSACTION_STATE = 39;

  /** 40: broker tells consumers to rebalance. */
  public static final int NOTIFY_CONSUMER_IDS_CHANGED = 40;

  /** 41: orderly consumer locks queues. */
  public static final int LOCK_BATCH_MQ = 41;

  /** 42: orderly consumer unlocks queues. */
  public static final int UNLOCK_BATCH_MQ = 42;

  /** 43: every consumer offset of a broker. */
  public static final int GET_ALL_CONSUMER_OFFSET = 43;

  /** 45: delay-level offsets of a broker. */
  public static final int GET_ALL_DELAY_OFFSET = 45;

  /** 46: validate a subscription expression. */
  public static final int CHECK_CLIENT_CONFIG = 46;

  /** 47: reserved. */
  public static final int GET_CLIENT_CONFIG = 47;

  /** 60: timer wheel checkpoint. */
  public static final int GET_TIMER_CHECK_POINT = 60;

  /** 61: timer metrics. */
  public static final int GET_TIMER_METRICS = 61;

  /** 100: put a name-server key/value. */
  public static final int PUT_KV_CONFIG = 100;

  /** 101: get a name-server key/value. */
  public static final int GET_KV_CONFIG = 101;

  /** 102: delete a name-server key/value. */
  public static final int DELETE_KV_CONFIG = 102;

  /** 103: broker registration with a name server. */
  public static final int REGISTER_BROKER = 103;

  /** 104: broker shutdown. */
  public static final int UNREGISTER_BROKER = 104;

  /** 105: topic route for clients. */
  public static final int GET_ROUTEINFO_BY_TOPIC = 105;

  /** 106: brokers and clusters known to a name server. */
  public static final int GET_BROKER_CLUSTER_INFO = 106;

  /** 200: create or update a subscription group. */
  public static final int UPDATE_AND_CREATE_SUBSCRIPTIONGROUP = 200;

  /** 201: every subscription group of a broker. */
  public static final int GET_ALL_SUBSCRIPTIONGROUP_CONFIG = 201;

  /** 202: min and max offsets per queue of a topic. */
  public static final int GET_TOPIC_STATS_INFO = 202;

  /** 203: connections of a consumer group. */
  public static final int GET_CONSUMER_CONNECTION_LIST = 203;

  /** 204: connections of a producer group. */
  public static final int GET_PRODUCER_CONNECTION_LIST = 204;

  /** 205: remove write permission of a broker. */
  public static final int WIPE_WRITE_PERM_OF_BROKER = 205;

  /** 206: every topic known to a name server. */
  public static final int GET_ALL_TOPIC_LIST_FROM_NAMESERVER = 206;

  /** 207: delete a subscription group. */
  public static final int DELETE_SUBSCRIPTIONGROUP = 207;

  /** 208: consume statistics of a group. */
  public static final int GET_CONSUME_STATS = 208;

  /** 209: legacy. */
  public static final int SUSPEND_CONSUMER = 209;

  /** 210: legacy. */
  public static final int RESUME_CONSUMER = 210;

  /** 211: legacy. */
  public static final int RESET_CONSUMER_OFFSET_IN_CONSUMER = 211;

  /** 212: legacy. */
  public static final int RESET_CONSUMER_OFFSET_IN_BROKER = 212;

  /** 213: legacy. */
  public static final int ADJUST_CONSUMER_THREAD_POOL = 213;

  /** 214: legacy. */
  public static final int WHO_CONSUME_THE_MESSAGE = 214;

  /** 215: delete a topic on a broker. */
  public static final int DELETE_TOPIC_IN_BROKER = 215;

  /** 216: delete a topic route. */
  public static final int DELETE_TOPIC_IN_NAMESRV = 216;

  /** 217: register a topic route directly. */
  public static final int REGISTER_TOPIC_IN_NAMESRV = 217;

  /** 219: key/values of one namespace. */
  public static final int GET_KVLIST_BY_NAMESPACE = 219;

  /** 220: broker tells a consumer to reset offsets. */
  public static final int RESET_CONSUMER_CLIENT_OFFSET = 220;

  /** 221: broker asks a consumer for its offsets. */
  public static final int GET_CONSUMER_STATUS_FROM_CLIENT = 221;

  /** 222: reset group offsets by timestamp. */
  public static final int INVOKE_BROKER_TO_RESET_OFFSET = 222;

  /** 223: consumer status through a broker. */
  public static final int INVOKE_BROKER_TO_GET_CONSUMER_STATUS = 223;

  /** 224: topics of a cluster. */
  public static final int GET_TOPICS_BY_CLUSTER = 224;

  /** 225: create or update many subscription groups. */
  public static final int UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST = 225;

  /** 300: groups consuming a topic. */
  public static final int QUERY_TOPIC_CONSUME_BY_WHO = 300;

  /** 301: removed feature. */
  public static final int REGISTER_FILTER_SERVER = 301;

  /** 302: removed feature. */
  public static final int REGISTER_MESSAGE_FILTER_CLASS = 302;

  /** 303: consume time span per queue. */
  public static final int QUERY_CONSUME_TIME_SPAN = 303;

  /** 304: system topics from a name server. */
  public static final int GET_SYSTEM_TOPIC_LIST_FROM_NS = 304;

  /** 305: system topics of a broker. */
  public static final int GET_SYSTEM_TOPIC_LIST_FROM_BROKER = 305;

  /** 306: trigger consume-queue cleanup. */
  public static final int CLEAN_EXPIRED_CONSUMEQUEUE = 306;

  /** 307: running info of a consumer client. */
  public static final int GET_CONSUMER_RUNNING_INFO = 307;

  /** 308: min offset across groups. */
  public static final int QUERY_CORRECTION_OFFSET = 308;

  /** 309: ask a client to consume one message. */
  public static final int CONSUME_MESSAGE_DIRECTLY = 309;

  /** 310: send one message with the short-key header. */
  public static final int SEND_MESSAGE_V2 = 310;

  /** 311: unit topics. */
  public static final int GET_UNIT_TOPIC_LIST = 311;

  /** 312: unit-sub topics. */
  public static final int GET_HAS_UNIT_SUB_TOPIC_LIST = 312;

  /** 313: unit-sub non-unit topics. */
  public static final int GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST = 313;

  /** 314: copy offsets between groups. */
  public static final int CLONE_GROUP_OFFSET = 314;

  /** 315: statistics item of a broker. */
  public static final int VIEW_BROKER_STATS_DATA = 315;

  /** 316: drop consume queues of unused topics. */
  public static final int CLEAN_UNUSED_TOPIC = 316;

  /** 317: consume statistics of every group. */
  public static final int GET_BROKER_CONSUME_STATS = 317;

  /** 318: update name server config. */
  public static final int UPDATE_NAMESRV_CONFIG = 318;

  /** 319: name server config. */
  public static final int GET_NAMESRV_CONFIG = 319;

  /** 320: batch send. */
  public static final int SEND_BATCH_MESSAGE = 320;

  /** 321: dump consume-queue entries. */
  public static final int QUERY_CONSUME_QUEUE = 321;

  /** 322: has a broker's topic config changed. */
  public static final int QUERY_DATA_VERSION = 322;

  /** 323: re-check a half message. */
  public static final int RESUME_CHECK_HALF_MESSAGE = 323;

  /** 324: request-reply reply, long-key header. */
  public static final int SEND_REPLY_MESSAGE = 324;

  /** 325: request-reply reply, short-key header. */
  public static final int SEND_REPLY_MESSAGE_V2 = 325;

  /** 326: broker pushes a reply to a client. */
  public static final int PUSH_REPLY_MESSAGE_TO_CLIENT = 326;

  /** 327: restore write permission of a broker. */
  public static final int ADD_WRITE_PERM_OF_BROKER = 327;

  /** 328: producer table of a broker. */
  public static final int GET_ALL_PRODUCER_INFO = 328;

  /** 329: trigger commit-log cleanup. */
  public static final int DELETE_EXPIRED_COMMITLOG = 329;

  /** 343: topics a group consumes. */
  public static final int QUERY_TOPICS_BY_CONSUMER = 343;

  /** 345: subscription of group and topic. */
  public static final int QUERY_SUBSCRIPTION_BY_CONSUMER = 345;

  /** 351: one topic config. */
  public static final int GET_TOPIC_CONFIG = 351;

  /** 352: one subscription group config. */
  public static final int GET_SUBSCRIPTIONGROUP_CONFIG = 352;

  /** 353: group read forbidding. */
  public static final int UPDATE_AND_GET_GROUP_FORBIDDEN = 353;

  /** 354: RocksDB consume-queue check. */
  public static final int CHECK_ROCKSDB_CQ_WRITE_PROGRESS = 354;

  /** 355: RocksDB config export. */
  public static final int EXPORT_ROCKSDB_CONFIG_TO_JSON = 355;

  /** 361: pull of the lite pull consumer. */
  public static final int LITE_PULL_MESSAGE = 361;

  /** 370: recall a scheduled message. */
  public static final int RECALL_MESSAGE = 370;

  /** 400: server-side queue assignment. */
  public static final int QUERY_ASSIGNMENT = 400;

  /** 401: set pull or pop mode. */
  public static final int SET_MESSAGE_REQUEST_MODE = 401;

  /** 402: pull/pop mode table. */
  public static final int GET_ALL_MESSAGE_REQUEST_MODE = 402;

  /** 513: static topics. */
  public static final int UPDATE_AND_CREATE_STATIC_TOPIC = 513;

  /** 901: brokers of a broker name. */
  public static final int GET_BROKER_MEMBER_GROUP = 901;

  /** 902: broker container. */
  public static final int ADD_BROKER = 902;

  /** 903: broker container. */
  public static final int REMOVE_BROKER = 903;

  /** 904: broker keep-alive to a name server. */
  public static final int BROKER_HEARTBEAT = 904;

  /** 905: slave-acting-master. */
  public static final int NOTIFY_MIN_BROKER_ID_CHANGE = 905;

  /** 906: HA info exchange. */
  public static final int EXCHANGE_BROKER_HA_INFO = 906;

  /** 907: HA status. */
  public static final int GET_BROKER_HA_STATUS = 907;

  /** 908: HA flush offset reset. */
  public static final int RESET_MASTER_FLUSH_OFFSET = 908;

  /** 1001: controller mode. */
  public static final int CONTROLLER_ALTER_SYNC_STATE_SET = 1001;

  /** 1002: controller mode. */
  public static final int CONTROLLER_ELECT_MASTER = 1002;

  /** 1003: controller mode. */
  public static final int CONTROLLER_REGISTER_BROKER = 1003;

  /** 1004: controller mode. */
  public static final int CONTROLLER_GET_REPLICA_INFO = 1004;

  /** 1005: controller mode. */
  public static final int CONTROLLER_GET_METADATA_INFO = 1005;

  /** 1006: controller mode. */
  public static final int CONTROLLER_GET_SYNC_STATE_DATA = 1006;

  /** 1007: controller mode. */
  public static final int GET_BROKER_EPOCH_CACHE = 1007;

  /** 1008: controller mode. */
  public static final int NOTIFY_BROKER_ROLE_CHANGED = 1008;

  /** 1009: controller mode. */
  public static final int UPDATE_CONTROLLER_CONFIG = 1009;

  /** 1010: controller mode. */
  public static final int GET_CONTROLLER_CONFIG = 1010;

  /** 1011: controller mode. */
  public static final int CLEAN_BROKER_DATA = 1011;

  /** 1012: controller mode. */
  public static final int CONTROLLER_GET_NEXT_BROKER_ID = 1012;

  /** 1013: controller mode. */
  public static final int CONTROLLER_APPLY_BROKER_ID = 1013;

  /** 2001: cold-data flow control. */
  public static final int UPDATE_COLD_DATA_FLOW_CTR_CONFIG = 2001;

  /** 2002: cold-data flow control. */
  public static final int REMOVE_COLD_DATA_FLOW_CTR_CONFIG = 2002;

  /** 2003: cold-data flow control. */
  public static final int GET_COLD_DATA_FLOW_CTR_INFO = 2003;

  /** 2004: cold-data flow control. */
  public static final int SET_COMMITLOG_READ_MODE = 2004;

  /** 3001: ACL 2.0. */
  public static final int AUTH_CREATE_USER = 3001;

  /** 3002: ACL 2.0. */
  public static final int AUTH_UPDATE_USER = 3002;

  /** 3003: ACL 2.0. */
  public static final int AUTH_DELETE_USER = 3003;

  /** 3004: ACL 2.0. */
  public static final int AUTH_GET_USER = 3004;

  /** 3005: ACL 2.0. */
  public static final int AUTH_LIST_USER = 3005;

  /** 3006: ACL 2.0. */
  public static final int AUTH_CREATE_ACL = 3006;

  /** 3007: ACL 2.0. */
  public static final int AUTH_UPDATE_ACL = 3007;

  /** 3008: ACL 2.0. */
  public static final int AUTH_DELETE_ACL = 3008;

  /** 3009: ACL 2.0. */
  public static final int AUTH_GET_ACL = 3009;

  /** 3010: ACL 2.0. */
  public static final int AUTH_LIST_ACL = 3010;

  /** 200050: pop: fetch and make invisible. */
  public static final int POP_MESSAGE = 200050;

  /** 200051: pop: ack one message. */
  public static final int ACK_MESSAGE = 200051;

  /** 200052: pop: read without changing state. */
  public static final int PEEK_MESSAGE = 200052;

  /** 200053: pop: change invisibility. */
  public static final int CHANGE_MESSAGE_INVISIBLETIME = 200053;

  /** 200054: pop: long-poll for availability. */
  public static final int NOTIFICATION = 200054;

  /** 200055: pop: polling statistics. */
  public static final int POLLING_INFO = 200055;

  /** 200056: pop: roll back. */
  public static final int POP_ROLLBACK = 200056;

  /** 200151: pop: ack many messages. */
  public static final int BATCH_ACK_MESSAGE = 200151;

  private RequestCode() {}
}
