package io.kitemq.server.config;

/**
 * One configured value and where it came from ({@code "default"}, a file name, an environment
 * variable or a command-line flag), so an error can say which layer to fix.
 */
public record Setting(String value, String origin) {}
