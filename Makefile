# KiteMQ build: thin wrappers over Maven with the command names operators know.
MVN ?= mvn
MVN_FLAGS ?= -B -ntp

.PHONY: build test clean fmt lint run run-nameserver run-broker run-producer run-consumer monitor dist benchmark benchmark-async benchmark-oneway compare

## build: compile, package every module, skip tests
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package

## test: the whole suite (unit, property, cross-check, integration) plus format and architecture checks
test:
	$(MVN) $(MVN_FLAGS) verify

## clean: remove build output
clean:
	$(MVN) $(MVN_FLAGS) clean

## fmt: rewrite sources in the project format (google-java-format)
fmt:
	$(MVN) $(MVN_FLAGS) spotless:apply

## lint: check formatting and compile with warnings as errors, without running tests
lint:
	$(MVN) $(MVN_FLAGS) -DskipTests spotless:check verify

# ---- running KiteMQ from this checkout (the distribution built under server/target) ----
VERSION := $(shell sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
DIST_NAME := kite-$(VERSION)
DIST_DIR := server/target/$(DIST_NAME)
KITE := $(DIST_DIR)/bin/kite
# What the class-data training run starts (hidden flag --exit-after-ready: stop once ready).
CDS_TRAINING := standalone --exit-after-ready --nameserver-port 0 --broker-port 0 --http-port 0
DIST_SOURCES := pom.xml $(wildcard */pom.xml) $(shell find config $(wildcard */src/main) server/src/dist server/src/assembly -type f 2>/dev/null)

# The distribution directory, rebuilt when a source changed (no tests: `make test` runs them).
$(KITE): $(DIST_SOURCES)
	$(MVN) $(MVN_FLAGS) -DskipTests -pl server -am package
	@touch $@

# Logs of nodes started from here go to ./logs, their data to ./data (both ignored by git).
run run-nameserver run-broker: export KITE_LOG_DIR ?= $(CURDIR)/logs

## run: build if needed, then run a standalone node (name server :9876 + broker :10911) in the foreground
run: $(KITE)
	$(KITE) standalone

## run-nameserver: build if needed, then run a name server in the foreground (port 9876)
run-nameserver: $(KITE)
	$(KITE) nameserver

## run-broker: build if needed, then run a broker (port 10911) registering with 127.0.0.1:9876
run-broker: $(KITE)
	$(KITE) broker

# The examples run from their jar plus the distribution's lib/ (the client and its dependencies),
# logging with the distribution's logback.xml into ./logs/examples.log.
EXAMPLES_JAR := examples/target/kite-examples-$(VERSION).jar
EXAMPLES_RUN := java -cp "$(EXAMPLES_JAR):$(DIST_DIR)/lib/*" \
  -Dlogback.configurationFile=$(DIST_DIR)/config/logback.xml -Dkite.log.dir=$(CURDIR)/logs \
  -Dkite.log.name=examples

$(EXAMPLES_JAR): $(KITE) examples/pom.xml $(shell find examples/src -type f 2>/dev/null)
	$(MVN) $(MVN_FLAGS) -DskipTests -pl examples -am package
	@touch $@

## run-producer: build if needed, then send 10 messages to TopicTest on 127.0.0.1:9876 (or $$NAMESRV_ADDR); start `make run` first
run-producer: $(EXAMPLES_JAR)
	$(EXAMPLES_RUN) io.kitemq.examples.basic.BasicProducer "$${NAMESRV_ADDR:-127.0.0.1:9876}"

## run-consumer: build if needed, then print TopicTest's messages from 127.0.0.1:9876 (or $$NAMESRV_ADDR) until Ctrl-C
run-consumer: $(EXAMPLES_JAR)
	$(EXAMPLES_RUN) io.kitemq.examples.basic.BasicConsumer "$${NAMESRV_ADDR:-127.0.0.1:9876}"

## monitor: build if needed, then a live view (like top) of the cluster at 127.0.0.1:9876 (or $$NAMESRV_ADDR): brokers, busiest topics, largest lag; Ctrl-C quits
monitor: $(KITE)
	$(KITE) admin monitor -n "$${NAMESRV_ADDR:-127.0.0.1:9876}"

## dist: server/target/kite-<version>.tar.gz with bin/kite, config/, lib/ and a class-data archive
dist: $(KITE)
	rm -f $(DIST_DIR)/lib/kite.jsa
	@# Training run in a scratch directory: start, print the ready line, stop cleanly; the JVM
	@# then writes the classes it loaded to lib/kite.jsa, which bin/kite uses from then on.
	@tmp=$$(mktemp -d) && cd $$tmp && \
	  KITE_CDS=train KITE_LOG_DIR=$$tmp/logs $(abspath $(KITE)) $(CDS_TRAINING) >training.log 2>&1; \
	  status=$$?; grep 'ready in' training.log || cat training.log; cd /; rm -rf $$tmp; \
	  test $$status -eq 0 && test -f $(abspath $(DIST_DIR))/lib/kite.jsa
	tar -C server/target --exclude=$(DIST_NAME)/logs --exclude=$(DIST_NAME)/data \
	  -czf server/target/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "built server/target/$(DIST_NAME).tar.gz"

# ---- load against a local node (start one with `make run` in another terminal) ----
BENCH_ARGS ?= --namesrv 127.0.0.1:9876 --duration 30 --size 128

## benchmark: 30 s of synchronous sends (8 threads) to the node at 127.0.0.1:9876
benchmark: $(KITE)
	$(KITE) bench sync --threads 8 $(BENCH_ARGS)

## benchmark-async: 30 s of asynchronous sends (1024 in flight) to the node at 127.0.0.1:9876
benchmark-async: $(KITE)
	$(KITE) bench async --in-flight 1024 $(BENCH_ARGS)

## benchmark-oneway: 30 s of one-way sends (4 threads) to the node at 127.0.0.1:9876
benchmark-oneway: $(KITE)
	$(KITE) bench oneway --threads 4 $(BENCH_ARGS)

## compare: KiteMQ vs Apache RocketMQ 5.5.0 on this machine, markdown table (~20 min; COMPARE_ARGS=--quick: a few)
compare:
	benchmarks/compare/compare.sh $(COMPARE_ARGS)
