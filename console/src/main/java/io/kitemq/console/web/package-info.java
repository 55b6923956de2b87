/**
 * The web console: static pages packed in the jar, and the JSON API under {@code /api/} they use,
 * built on the client library's {@code AdminClient}.
 */
package io.kitemq.console.web;
