package io.kitemq.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kitemq.client.ClientException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api/} (documented in the console README). Every answer is JSON; an
 * error is {@code {"error": "..."}} with 400 (bad input), 403 (read-only mode), 404 (no such call),
 * 502 (the cluster refused or did not answer) or 500. In read-only mode every POST and DELETE is
 * refused with 403. Thread-safe.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleApi api;
  private final GroupApi groups;
  private final MessageApi messages;
  private final boolean readOnly;
  private final String cluster;

  /**
   * @param cluster the cluster topics are created in unless a call names another
   */
  ApiHandler(
      ConsoleApi api, GroupApi groups, MessageApi messages, boolean readOnly, String cluster) {
    this.api = api;
    this.groups = groups;
    this.messages = messages;
    this.readOnly = readOnly;
    this.cluster = cluster;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Object result;
      int status = 200;
      try {
        result = route(exchange);
      } catch (ApiException e) {
        status = e.status();
        result = error(e.getMessage());
      } catch (ClientException e) {
        status = 502;
        result = error(describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 503;
        result = error("the console is stopping");
      } catch (RuntimeException e) {
        LOG.warn("console API call {} failed", exchange.getRequestURI(), e);
        status = 500;
        result = error(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      byte[] body = JSON.writeValueAsBytes(result);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Object route(HttpExchange ex) throws IOException, ClientException, InterruptedException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    if (!"GET".equals(method) && readOnly) {
      throw new ApiException(403, "the console is read-only (consoleReadOnly=true)");
    }
    switch (method + " " + path) {
      case "GET /api/overview" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("readOnly", readOnly);
        m.put("cluster", cluster);
        m.put("brokers", api.brokers());
        return m;
      }
      case "GET /api/throughput" -> {
        return api.throughput();
      }
      case "GET /api/topics" -> {
        return api.topics("true".equals(q.get("system")));
      }
      case "GET /api/topic-table" -> {
        return api.topicTable("true".equals(q.get("system")));
      }
      case "GET /api/topic" -> {
        return api.topic(required(q, "topic"));
      }
      case "POST /api/topics" -> {
        JsonNode b = body(ex);
        api.createTopic(
            b.path("cluster").asText(cluster),
            text(b, "topic"),
            b.path("queues").asInt(8),
            b.path("perm").asText("RW"));
        return Map.of("created", text(b, "topic"));
      }
      case "DELETE /api/topics" -> {
        api.deleteTopic(q.getOrDefault("cluster", cluster), required(q, "topic"));
        return Map.of("deleted", q.get("topic"));
      }
      case "GET /api/lag" -> {
        return api.lag(required(q, "group"), required(q, "topic"));
      }
      case "GET /api/groups" -> {
        return groups.groups();
      }
      case "GET /api/group" -> {
        return groups.group(required(q, "group"));
      }
      case "POST /api/group/reset-offset" -> {
        JsonNode b = body(ex);
        return groups.resetOffset(text(b, "group"), text(b, "topic"), number(b, "timestamp"));
      }
      case "GET /api/producers" -> {
        return groups.producers(required(q, "group"));
      }
      case "GET /api/message" -> {
        return messages.messageWithTrace(required(q, "id"));
      }
      case "GET /api/messages/by-key" -> {
        return messages.byKey(required(q, "topic"), required(q, "key"));
      }
      case "GET /api/messages/by-time" -> {
        return messages.byTime(
            required(q, "topic"),
            longParam(q, "begin"),
            longParam(q, "end"),
            (int) longParam(q, "limit", 50));
      }
      case "POST /api/messages/resend" -> {
        JsonNode b = body(ex);
        return messages.resendToGroup(
            text(b, "id"), text(b, "group"), b.path("clientId").asText(""));
      }
      case "GET /api/dlq" -> {
        return messages.deadLetters(
            required(q, "group"),
            longParam(q, "begin", 0),
            longParam(q, "end", Long.MAX_VALUE),
            (int) longParam(q, "limit", 50));
      }
      case "POST /api/dlq/resend" -> {
        return messages.resendDeadLetter(text(body(ex), "id"));
      }
      case "POST /api/messages" -> {
        JsonNode b = body(ex);
        return api.send(
            text(b, "topic"),
            b.path("tags").asText(""),
            b.path("keys").asText(""),
            b.path("body").asText(""));
      }
      default -> throw new ApiException(404, "no API call " + method + " " + path);
    }
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message == null ? "unknown error" : message);
  }

  /** The exception's message with its causes', which say what the broker answered. */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && sb.indexOf(t.getMessage()) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return sb.toString();
  }

  private static JsonNode body(HttpExchange ex) throws IOException {
    try {
      JsonNode n = JSON.readTree(ex.getRequestBody());
      if (n == null || !n.isObject()) {
        throw new ApiException(400, "the request body must be a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "the request body is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode b, String field) {
    String v = b.path(field).asText("");
    if (v.isBlank()) {
      throw new ApiException(400, "missing " + field);
    }
    return v.trim();
  }

  private static long number(JsonNode b, String field) {
    JsonNode v = b.path(field);
    if (!v.canConvertToLong()) {
      throw new ApiException(400, "missing or non-integer " + field);
    }
    return v.asLong();
  }

  private static long longParam(Map<String, String> q, String name) {
    return parseLong(name, required(q, name));
  }

  private static long longParam(Map<String, String> q, String name, long otherwise) {
    String v = q.get(name);
    return v == null || v.isBlank() ? otherwise : parseLong(name, v.trim());
  }

  private static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be an integer, got " + v);
    }
  }

  private static String required(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isBlank()) {
      throw new ApiException(400, "missing query parameter " + name);
    }
    return v.trim();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
