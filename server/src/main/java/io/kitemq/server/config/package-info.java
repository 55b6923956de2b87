/**
 * Configuration loading for the launcher: embedded defaults, a YAML or RocketMQ properties file,
 * {@code KITE_*} environment overrides and command-line flags, merged in that order of strength,
 * with unknown keys rejected by name and Apache RocketMQ keys that KiteMQ does not support named in
 * the error.
 */
package io.kitemq.server.config;
