package io.kitemq.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Serves the console's static files from the class path ({@code io/kitemq/console/web/}): {@code /}
 * is {@code index.html}; names with {@code ..} or unknown extensions are 404. Stateless.
 */
final class StaticFiles implements HttpHandler {

  private static final String ROOT = "/io/kitemq/console/web/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String name = "/".equals(path) ? "index.html" : path.substring(1);
      int dot = name.lastIndexOf('.');
      String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
      InputStream in =
          name.contains("..") || type == null ? null : getClass().getResourceAsStream(ROOT + name);
      if (!"GET".equals(exchange.getRequestMethod()) || in == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      try (in) {
        byte[] body = in.readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
