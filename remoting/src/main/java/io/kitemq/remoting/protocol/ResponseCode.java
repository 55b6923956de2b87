package io.kitemq.remoting.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Response codes of the RocketMQ remoting protocol (5.3.3), shared by client and server. Each
 * constant carries its wire {@link #code()} and a short {@link #description()}; {@link
 * #fromCode(int)} looks a wire code up. Immutable.
 */
public enum ResponseCode {
  SUCCESS(0, "OK"),
  SYSTEM_ERROR(1, "generic failure, exception or missing required header field"),
  SYSTEM_BUSY(2, "flow control; retry later or elsewhere"),
  REQUEST_CODE_NOT_SUPPORTED(3, "unknown request code"),
  TRANSACTION_FAILED(4, "transaction failed (unused)"),
  FLUSH_DISK_TIMEOUT(10, "stored but the disk flush timed out"),
  SLAVE_NOT_AVAILABLE(11, "stored but no slave is available"),
  FLUSH_SLAVE_TIMEOUT(12, "stored but replication timed out"),
  MESSAGE_ILLEGAL(13, "message rejected by the store (size, properties, batch)"),
  SERVICE_NOT_AVAILABLE(14, "broker cannot serve (slave, shutting down, disk full)"),
  VERSION_NOT_SUPPORTED(15, "version not supported"),
  NO_PERMISSION(16, "no permission on topic or broker"),
  TOPIC_NOT_EXIST(17, "topic does not exist"),
  TOPIC_EXIST_ALREADY(18, "topic already exists"),
  PULL_NOT_FOUND(19, "pull: no new message"),
  PULL_RETRY_IMMEDIATELY(20, "pull: nothing matched, pull again at once"),
  PULL_OFFSET_MOVED(21, "pull: offset out of range"),
  QUERY_NOT_FOUND(22, "query: nothing found"),
  SUBSCRIPTION_PARSE_FAILED(23, "subscription expression cannot be parsed"),
  SUBSCRIPTION_NOT_EXIST(24, "no subscription for group and topic"),
  SUBSCRIPTION_NOT_LATEST(25, "subscription version is stale"),
  SUBSCRIPTION_GROUP_NOT_EXIST(26, "subscription group does not exist"),
  FILTER_DATA_NOT_EXIST(27, "filter data missing"),
  FILTER_DATA_NOT_LATEST(28, "filter data stale"),
  INVALID_PARAMETER(29, "invalid request parameter"),
  TRANSACTION_SHOULD_COMMIT(200, "transaction should commit"),
  TRANSACTION_SHOULD_ROLLBACK(201, "transaction should roll back"),
  TRANSACTION_STATE_UNKNOW(202, "transaction state unknown"),
  TRANSACTION_STATE_GROUP_WRONG(203, "transaction group wrong"),
  NO_BUYER_ID(204, "no buyer id (legacy unit routing)"),
  NOT_IN_CURRENT_UNIT(205, "not in current unit (legacy unit routing)"),
  CONSUMER_NOT_ONLINE(206, "consumer group has no live client"),
  CONSUME_MSG_TIMEOUT(207, "consume-message-directly timed out"),
  NO_MESSAGE(208, "message not found"),
  POLLING_FULL(209, "too many suspended long-poll requests"),
  POLLING_TIMEOUT(210, "long-poll ended with nothing to return"),
  BROKER_NOT_EXIST(211, "broker does not exist"),
  BROKER_DISPATCH_NOT_COMPLETE(212, "broker dispatch not complete"),
  BROADCAST_CONSUMPTION(213, "group consumes in broadcasting mode"),
  FLOW_CONTROL(215, "client-side pull flow control"),
  NOT_LEADER_FOR_QUEUE(501, "queue not served by this broker"),
  ILLEGAL_OPERATION(604, "illegal operation"),
  RPC_UNKNOWN(-1000, "client-side rpc failure"),
  RPC_ADDR_IS_NULL(-1002, "client-side: no address"),
  RPC_SEND_TO_CHANNEL_FAILED(-1004, "client-side: send to channel failed"),
  RPC_TIME_OUT(-1006, "client-side: rpc timed out"),
  GO_AWAY(1500, "server shutting down; reconnect and retry"),
  CONTROLLER_FENCED_MASTER_EPOCH(2000, "controller mode"),
  CONTROLLER_FENCED_SYNC_STATE_SET_EPOCH(2001, "controller mode"),
  CONTROLLER_INVALID_MASTER(2002, "controller mode"),
  CONTROLLER_INVALID_REPLICAS(2003, "controller mode"),
  CONTROLLER_MASTER_NOT_AVAILABLE(2004, "controller mode"),
  CONTROLLER_INVALID_REQUEST(2005, "controller mode"),
  CONTROLLER_BROKER_NOT_ALIVE(2006, "controller mode"),
  CONTROLLER_NOT_LEADER(2007, "controller mode"),
  CONTROLLER_BROKER_METADATA_NOT_EXIST(2008, "controller mode"),
  CONTROLLER_INVALID_CLEAN_BROKER_METADATA(2009, "controller mode"),
  CONTROLLER_BROKER_NEED_TO_BE_REGISTERED(2010, "controller mode"),
  CONTROLLER_MASTER_STILL_EXIST(2011, "controller mode"),
  CONTROLLER_ELECT_MASTER_FAILED(2012, "controller mode"),
  CONTROLLER_ALTER_SYNC_STATE_SET_FAILED(2013, "controller mode"),
  CONTROLLER_BROKER_ID_INVALID(2014, "controller mode"),
  CONTROLLER_JRAFT_INTERNAL_ERROR(2015, "controller mode"),
  CONTROLLER_BROKER_LIVE_INFO_NOT_EXISTS(2016, "controller mode"),
  USER_NOT_EXIST(3001, "ACL 2.0: user does not exist"),
  POLICY_NOT_EXIST(3002, "ACL 2.0: policy does not exist");

  private static final Map<Integer, ResponseCode> BY_CODE = new HashMap<>();

  static {
    for (ResponseCode rc : values()) {
      BY_CODE.put(rc.code, rc);
    }
  }

  private final int code;
  private final String description;

  ResponseCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The value of the {@code code} field of a response. */
  public int code() {
    return code;
  }

  /** What the code means, for logs and error messages. */
  public String description() {
    return description;
  }

  /** The constant for a wire code, or null when the code is not a known response code. */
  public static ResponseCode fromCode(int code) {
    return BY_CODE.get(code);
  }

  /** A readable form of any wire code: {@code NAME(code)} or {@code UNKNOWN(code)}. */
  public static String describe(int code) {
    ResponseCode rc = BY_CODE.get(code);
    return (rc == null ? "UNKNOWN" : rc.name()) + "(" + code + ")";
  }
}
