package io.kitemq.nameserver.processor;

import io.kitemq.nameserver.kv.KvConfigManager;
import io.kitemq.remoting.netty.RequestProcessor;
import io.kitemq.remoting.protocol.RemotingCommand;
import io.kitemq.remoting.protocol.RequestCode;
import io.kitemq.remoting.protocol.ResponseCode;
import io.kitemq.remoting.protocol.body.BodyCodec;
import io.kitemq.remoting.protocol.body.KvTable;
import io.kitemq.remoting.protocol.header.DeleteKvConfigRequestHeader;
import io.kitemq.remoting.protocol.header.GetKvConfigRequestHeader;
import io.kitemq.remoting.protocol.header.GetKvConfigResponseHeader;
import io.kitemq.remoting.protocol.header.GetKvListByNamespaceRequestHeader;
import io.kitemq.remoting.protocol.header.PutKvConfigRequestHeader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * KV configuration requests: PUT_KV_CONFIG, GET_KV_CONFIG (QUERY_NOT_FOUND when absent),
 * DELETE_KV_CONFIG, GET_KVLIST_BY_NAMESPACE (QUERY_NOT_FOUND for an unknown namespace). A change
 * that cannot be persisted is answered SYSTEM_ERROR. Thread-safe.
 */
public final class KvRequestProcessor implements RequestProcessor {

  /** The codes this processor answers. */
  public static final List<Integer> CODES =
      List.of(
          RequestCode.PUT_KV_CONFIG,
          RequestCode.GET_KV_CONFIG,
          RequestCode.DELETE_KV_CONFIG,
          RequestCode.GET_KVLIST_BY_NAMESPACE);

  private final KvConfigManager kv;

  public KvRequestProcessor(KvConfigManager kv) {
    this.kv = kv;
  }

  @Override
  public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
      throws Exception {
    return CompletableFuture.completedFuture(handle(request));
  }

  private RemotingCommand handle(RemotingCommand request) throws Exception {
    Map<String, String> ext = request.extFieldsOrEmpty();
    switch (request.code()) {
      case RequestCode.PUT_KV_CONFIG -> {
        PutKvConfigRequestHeader h = PutKvConfigRequestHeader.fromExtFields(ext);
        kv.put(h.namespace(), h.key(), h.value());
        return success();
      }
      case RequestCode.GET_KV_CONFIG -> {
        GetKvConfigRequestHeader h = GetKvConfigRequestHeader.fromExtFields(ext);
        String value = kv.get(h.namespace(), h.key());
        if (value == null) {
          return RemotingCommand.createResponse(
              ResponseCode.QUERY_NOT_FOUND,
              "No config item, Namespace: " + h.namespace() + " Key: " + h.key());
        }
        return success().writeHeader(new GetKvConfigResponseHeader(value));
      }
      case RequestCode.DELETE_KV_CONFIG -> {
        DeleteKvConfigRequestHeader h = DeleteKvConfigRequestHeader.fromExtFields(ext);
        kv.delete(h.namespace(), h.key());
        return success();
      }
      case RequestCode.GET_KVLIST_BY_NAMESPACE -> {
        String namespace = GetKvListByNamespaceRequestHeader.fromExtFields(ext).namespace();
        KvTable table = kv.namespace(namespace);
        if (table == null) {
          return RemotingCommand.createResponse(
              ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: " + namespace);
        }
        return success().setBody(BodyCodec.encode(table));
      }
      default -> {
        return Responses.notSupported(request.code());
      }
    }
  }

  private static RemotingCommand success() {
    return Responses.success();
  }
}
